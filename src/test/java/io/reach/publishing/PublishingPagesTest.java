package io.reach.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's publishing pages over the sandbox platform: a post composed for two accounts,
 * approved by another admin (never by its author), on the calendar, published, its jobs shown;
 * the composer's field errors; who may open what; another workspace's post is not found.
 */
@ReachTest
class PublishingPagesTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SocialFlows flows;

    @Test
    void aPostForTwoAccountsIsApprovedByAnotherAdminThenPublishedAndShownWithItsJobs() {
        Accounts.SignedIn ada = accounts.owner();
        String first = connectSandbox(ada);
        String second = connectSandbox(ada);
        Browser author = Browser.signedIn(api, ada);
        Browser approver = member(ada, "admin");

        String composer = author.get("/app/publishing/new").body();
        assertThat(composer)
                .contains("name=\"account-" + first + "\"")
                .contains("name=\"account-" + second + "\"")
                .contains("data-platform=\"sandbox\" data-max-text=\"5000\" data-min-media=\"0\" data-max-media=\"10\"")
                .contains("<script defer src=\"/console/publishing.js\"></script>");
        String title = "Launch " + UUID.randomUUID();
        String at = LocalDateTime.now(ZoneOffset.UTC)
                .plusSeconds(10)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        Map<String, String> form = new HashMap<>();
        form.put("title", title);
        form.put("publish_at", at);
        form.put("action", "submit");
        form.put("account-" + first, "on");
        form.put("text-" + first, "Hello from the first account");
        form.put("media-" + first, "https://cdn.example/launch.png");
        form.put("account-" + second, "on");
        form.put("text-" + second, "Hello from the second account");
        var composed = author.post("/app/publishing/new", form);
        assertThat(composed.statusCode()).as(composed.body()).isEqualTo(302);
        String detail = location(composed);
        assertThat(detail).startsWith("/app/publishing/posts/");
        String post = detail.substring(detail.lastIndexOf('/') + 1);

        assertThat(author.get(detail).body())
                .contains("Awaiting approval")
                .contains("Hello from the first account")
                .contains("https://cdn.example/launch.png")
                .contains("Hello from the second account");
        var selfApproved = author.post(detail + "/approve", Map.of());
        assertThat(selfApproved.statusCode()).isEqualTo(409);
        assertThat(selfApproved.body()).contains("role=\"alert\">Nobody approves their own post");
        assertThat(author.get("/app/publishing/approvals").body()).doesNotContain(title);

        assertThat(approver.get("/app/publishing/approvals").body()).contains(title);
        var approved = approver.post(detail + "/approve", Map.of());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        assertThat(approver.get(detail).body()).contains("Scheduled for");
        assertThat(author.get("/app/publishing/calendar?view=week&date=" + LocalDate.now(ZoneOffset.UTC))
                        .body())
                .contains("href=\"/app/publishing/posts/" + post + "\"")
                .contains(title);

        assertThat(flows.awaitSettled(ada.accessToken(), post).get("status").asString())
                .as(() -> api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                        .body())
                .isEqualTo("published");
        String published = author.get(detail).body();
        assertThat(published)
                .contains("<span class=\"status status-published\">Published</span>")
                .containsPattern("sandbox: success")
                .containsPattern("<code>sbx_[^<]+</code>");
        assertThat(published.split("class=\"card wide job\"", -1)).hasSize(3);
        assertThat(author.get("/app/publishing/calendar?view=day&date=" + LocalDate.now(ZoneOffset.UTC))
                        .body())
                .contains(title + "</a> <span class=\"status status-published\">Published</span>");
    }

    @Test
    void theComposerShowsEachProblemNextToItsField() {
        Accounts.SignedIn ada = accounts.owner();
        String account = connectSandbox(ada);
        Browser browser = Browser.signedIn(api, ada);
        browser.get("/app/publishing/new");

        var nothingPicked = browser.post("/app/publishing/new", Map.of("title", "No accounts", "action", "draft"));
        assertThat(nothingPicked.statusCode()).isEqualTo(400);
        assertThat(nothingPicked.body()).contains("id=\"accounts-error\"");

        var refused = browser.post(
                "/app/publishing/new",
                Map.of(
                        "account-" + account,
                        "on",
                        "text-" + account,
                        "x".repeat(5001),
                        "publish_at",
                        "2020-01-01T09:00",
                        "action",
                        "draft"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"text-" + account + "-error\">is 5001 characters; Sandbox allows 5000")
                .contains("id=\"publish_at-error\">must be in the future");

        var badMedia = browser.post(
                "/app/publishing/new",
                Map.of(
                        "account-" + account,
                        "on",
                        "text-" + account,
                        "Fine",
                        "media-" + account,
                        "not an address",
                        "publish_at",
                        "2020-01-01T09:00",
                        "action",
                        "draft"));
        assertThat(badMedia.statusCode()).isEqualTo(400);
        assertThat(badMedia.body()).contains("id=\"media-" + account + "-error\">not an address is not a web address");

        var past = browser.post(
                "/app/publishing/new",
                Map.of("account-" + account, "on", "text-" + account, "Fine", "publish_at", "2020-01-01T09:00"));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("id=\"publish_at-error\">must be in the future");

        var draft = browser.post(
                "/app/publishing/new",
                Map.of("account-" + account, "on", "text-" + account, "Fine", "action", "draft"));
        assertThat(draft.statusCode()).isEqualTo(302);
        assertThat(browser.get(location(draft)).body()).contains("status status-draft\">Draft");
    }

    @Test
    void theRejectedPostGoesBackToDraftWithItsReason() {
        Accounts.SignedIn ada = accounts.owner();
        String account = connectSandbox(ada);
        Browser author = Browser.signedIn(api, ada);
        Browser approver = member(ada, "admin");
        author.get("/app/publishing/new");
        String detail = location(author.post(
                "/app/publishing/new",
                Map.of("account-" + account, "on", "text-" + account, "Too early", "action", "submit")));

        approver.get("/app/publishing/approvals");
        var noReason = approver.post(detail + "/reject", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reason-error\"");
        assertThat(approver.post(detail + "/reject", Map.of("reason", "Wait for the press release"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(author.get(detail).body())
                .contains("Wait for the press release")
                .contains("Draft");
    }

    @Test
    void membersWithoutThePermissionGetNeitherTheLinksNorThePages() {
        Accounts.SignedIn ada = accounts.owner();
        Browser nobody = member(ada, "viewer");
        String home = nobody.get("/").body();
        assertThat(home).doesNotContain("/app/publishing/");
        for (String page :
                new String[] {"/app/publishing/calendar", "/app/publishing/new", "/app/publishing/approvals"}) {
            assertThat(nobody.get(page).statusCode()).as(page).isEqualTo(403);
        }

        Browser reader = member(ada, "member");
        String readersHome = reader.get("/").body();
        assertThat(readersHome)
                .contains("href=\"/app/publishing/calendar\"")
                .doesNotContain("href=\"/app/publishing/new\"");
        assertThat(reader.get("/app/publishing/calendar").statusCode()).isEqualTo(200);
        assertThat(reader.get("/app/publishing/new").statusCode()).isEqualTo(403);

        String ownersHome = Browser.signedIn(api, ada).get("/").body();
        assertThat(ownersHome)
                .contains("href=\"/app/publishing/calendar\"")
                .contains("href=\"/app/publishing/new\"")
                .contains("href=\"/app/publishing/approvals\"");
    }

    @Test
    void anotherWorkspacesPostIsNotFound() {
        Accounts.SignedIn ada = accounts.owner();
        String account = connectSandbox(ada);
        Browser author = Browser.signedIn(api, ada);
        author.get("/app/publishing/new");
        String detail = location(author.post(
                "/app/publishing/new",
                Map.of("account-" + account, "on", "text-" + account, "Ours", "action", "submit")));
        assertThat(author.get(detail).statusCode()).isEqualTo(200);

        Browser stranger = Browser.signedIn(api, accounts.owner());
        assertThat(stranger.get(detail).statusCode()).isEqualTo(404);
        stranger.get("/app/publishing/calendar");
        assertThat(stranger.post(detail + "/approve", Map.of()).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/app/publishing/posts/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(author.get("/app/publishing/calendar?view=year").statusCode())
                .isEqualTo(400);
        assertThat(author.get("/app/publishing/calendar?date=tomorrow").statusCode())
                .isEqualTo(400);
    }

    /** A new person in {@code workspace} with {@code role}, signed in to the console there. */
    private Browser member(Accounts.SignedIn workspace, String role) {
        Accounts.SignedIn person = accounts.owner();
        fixtures.addMember(workspace.tenantId(), person.userId(), role);
        Browser browser = Browser.signedIn(api, person);
        var switched = browser.post(
                "/app/workspace", Map.of("tenant_id", workspace.tenantId().toString()));
        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(302);
        browser.get("/");
        return browser;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .map(URI::create)
                .map(URI::getPath)
                .orElseThrow();
    }

    /** Connects a sandbox account through the usual flow (its callback is Reach's own); its id. */
    private String connectSandbox(Accounts.SignedIn owner) {
        SocialFlows.Started started = flows.start(owner.accessToken(), "sandbox");
        var callback = api.execute(HttpRequest.newBuilder(URI.create(started.authorizationUrl()))
                .header("Cookie", started.cookie())
                .GET()
                .build());
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        return callback.json().get("id").asString();
    }
}

package io.reach.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.platform.SocialProvider;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's connected accounts: a sandbox account connects through the page's OAuth round trip and
 * is listed; a failed connection says why; disconnecting asks first; an account's analytics show the
 * numbers its syncs stored; other workspaces and people without the permission get nothing.
 */
@ReachTest
class AccountsPageTest {

    static final UUID SANDBOX = UUID.fromString("0193a0c0-0000-7000-8000-000000000008");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    MetricsSnapshots snapshots;

    @Autowired
    ContentInsights insights;

    @Autowired
    Clock clock;

    @Test
    void aSandboxAccountConnectsThroughThePageAndIsListed() {
        Accounts.SignedIn ada = accounts.owner();
        Browser browser = Browser.signedIn(api, ada);
        assertThat(browser.get("/app/accounts").body())
                .contains("No account is connected yet")
                .contains("<option value=\"sandbox\">");

        String id = connectSandbox(browser);

        String page = browser.get("/app/accounts?connected=" + id).body();
        String handle = api.get("/api/v1/social/accounts/" + id, ada.accessToken())
                .json()
                .get("handle")
                .asString();
        assertThat(page)
                .contains("Connected " + handle + " (sandbox).")
                .contains("href=\"/app/accounts/" + id + "\"")
                .contains("<span class=\"s-state s-state-active\">Connected</span>")
                .doesNotContain("No account is connected yet");
    }

    @Test
    void aConnectionThatFailsComesBackToThePageWithTheReasonAndNothingElse() {
        Browser browser = Browser.signedIn(api, accounts.owner());
        browser.get("/app/accounts");
        URI platform = URI.create(browser.post("/app/accounts/connect", Map.of("platform", "sandbox"))
                .headers()
                .firstValue("Location")
                .orElseThrow());
        String state = platform.getRawQuery().replaceAll(".*state=([^&]+).*", "$1");

        var back = browser.get("/api/v1/social/accounts/callback?error=access_denied&state=" + state);

        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(location(back)).isEqualTo("/app/accounts?connect_failed=declined");
        assertThat(browser.get(location(back)).body()).contains("access was declined on the platform");
        assertThat(browser.get("/app/accounts?connect_failed=%3Cb%3Ecall+us%3C%2Fb%3E")
                        .body())
                .doesNotContain("call us");
        assertThat(browser.post("/app/accounts/connect", Map.of("platform", "myspace"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void disconnectingAsksFirstAndTheAccountIsThenDisconnected() {
        Accounts.SignedIn ada = accounts.owner();
        Browser browser = Browser.signedIn(api, ada);
        String id = connectSandbox(browser);

        assertThat(browser.get("/app/accounts/" + id + "/disconnect").body())
                .contains("<form method=\"post\" action=\"/app/accounts/" + id + "/disconnect\"");
        var done = browser.post("/app/accounts/" + id + "/disconnect", Map.of());

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(browser.get(location(done)).body())
                .contains("Disconnected sandbox_")
                .contains("<span class=\"s-state s-state-disconnected\">Disconnected</span>");
        assertThat(api.get("/api/v1/social/accounts/" + id, ada.accessToken())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("disconnected");
    }

    @Test
    void anAccountNeedingReconnectionOffersTheOAuthStartAgain() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "sandbox", SANDBOX, "again-" + UUID.randomUUID());
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            jdbc.update("update social.social_accounts set status = 'needs_review' where id = ?", account);
        });
        Browser browser = Browser.signedIn(api, ada);

        assertThat(browser.get("/app/accounts").body())
                .contains("Needs reconnection")
                .contains("action=\"/app/accounts/" + account + "/reconnect\"");
        var reconnect = browser.post("/app/accounts/" + account + "/reconnect", Map.of());

        assertThat(reconnect.statusCode()).isEqualTo(302);
        assertThat(reconnect.headers().firstValue("Location").orElseThrow())
                .contains("/api/v1/social/accounts/callback?code=")
                .contains("state=");
    }

    @Test
    void anAccountsAnalyticsShowTheNumbersItsSyncsStored() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "sandbox", SANDBOX, "numbers-" + UUID.randomUUID());
        Instant now = clock.instant();
        LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        transactions.inTransactionAs(TenantId.of(ada.tenantId()), () -> {
            snapshots.take(
                    account,
                    new SocialProvider.Metrics(1200, 80, 10, 5000, 9000, 400, 30, Map.of()),
                    now.minus(Duration.ofDays(2)));
            snapshots.take(
                    account,
                    new SocialProvider.Metrics(1275, 81, 11, 5100, 9100, 410, 31, Map.of()),
                    yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC));
            insights.storeContent(
                    account,
                    List.of(new SocialProvider.Content(
                            "p-1",
                            "https://sandbox.example/p-1",
                            "Our autumn range",
                            "photo",
                            now.minus(Duration.ofDays(3)),
                            90,
                            12,
                            5,
                            3,
                            2000,
                            2600)),
                    now);
            insights.storeAudience(
                    account,
                    new SocialProvider.Audience(
                            yesterday,
                            Map.of("18-24", 30L, "25-34", 70L),
                            Map.of("female", 55L, "male", 45L),
                            Map.of("FR", 25L, "DE", 75L),
                            Map.of("Berlin", 40L),
                            Map.of(9, 0.4),
                            Map.of("monday", 0.2)));
        });

        String page = Browser.signedIn(api, ada).get("/app/accounts/" + account).body();

        assertThat(page)
                .contains("<table class=\"s-table\" id=\"followers-table\" data-chart=\"followers-chart\">")
                .contains("<tr><th scope=\"row\">" + yesterday + "</th><td>1275</td><td>75</td><td>5100</td>")
                .contains("Our autumn range")
                .contains("<td>90</td><td>12</td><td>5</td><td>2000</td><td>5.50 %</td>")
                .contains("<tr><th scope=\"row\">DE</th><td>75</td><td>75.0 %</td></tr>")
                .contains("<script defer src=\"/console/social.js\"></script>");
        assertThat(Browser.signedIn(api, ada)
                        .get("/app/accounts/" + account + "?days=12")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anotherWorkspacesAccountIsNotFound() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "sandbox", SANDBOX, "theirs-" + UUID.randomUUID());
        Browser bob = Browser.signedIn(api, accounts.owner());

        assertThat(bob.get("/app/accounts/" + account).statusCode()).isEqualTo(404);
        assertThat(bob.get("/app/accounts/" + account + "/disconnect").statusCode())
                .isEqualTo(404);
        bob.get("/app/accounts");
        assertThat(bob.post("/app/accounts/" + account + "/disconnect", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(bob.post("/app/accounts/" + account + "/reconnect", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(bob.get("/app/accounts").body()).doesNotContain(account.toString());
    }

    @Test
    void someoneWithoutThePermissionGetsNeitherThePageNorItsLink() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn viewer = accounts.owner();
        fixtures.addMember(ada.tenantId(), viewer.userId(), "viewer");
        Browser browser = Browser.signedIn(api, viewer.email());
        browser.post("/app/workspace", Map.of("tenant_id", ada.tenantId().toString()));

        assertThat(browser.get("/").body()).doesNotContain("href=\"/app/accounts\"");
        assertThat(browser.get("/app/accounts").statusCode()).isEqualTo(403);
        assertThat(Browser.signedIn(api, ada).get("/").body()).contains("href=\"/app/accounts\"");
    }

    @Test
    void anEditorSeesTheAccountsButOnlyOwnersAndAdminsConnectThem() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn editor = accounts.owner();
        fixtures.addMember(ada.tenantId(), editor.userId(), "editor");
        Browser browser = Browser.signedIn(api, editor.email());
        browser.post("/app/workspace", Map.of("tenant_id", ada.tenantId().toString()));

        assertThat(browser.get("/app/accounts").body()).doesNotContain("action=\"/app/accounts/connect\"");
        assertThat(browser.post("/app/accounts/connect", Map.of("platform", "sandbox"))
                        .statusCode())
                .isEqualTo(403);
    }

    /** Connects a sandbox account as a person would: the page's form, the platform, the callback; its id. */
    private String connectSandbox(Browser browser) {
        browser.get("/app/accounts");
        var started = browser.post("/app/accounts/connect", Map.of("platform", "sandbox"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        URI platform = URI.create(started.headers().firstValue("Location").orElseThrow());
        assertThat(platform.getPath()).isEqualTo("/api/v1/social/accounts/callback");

        var back = browser.get(platform.getRawPath() + "?" + platform.getRawQuery());

        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        assertThat(location(back)).startsWith("/app/accounts?connected=");
        return location(back).substring("/app/accounts?connected=".length());
    }

    /** Where the response sends the browser, as a path on this server. */
    private static String location(HttpResponse<String> response) {
        URI to = URI.create(response.headers().firstValue("Location").orElseThrow());
        return to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery());
    }
}

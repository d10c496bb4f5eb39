package io.reach.contacts;

import static io.reach.contacts.ContactsTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's lists, imports and segments over HTTP: what a form makes is what the API then
 * reads, refusals come back on the form with the API's status, and another workspace's list,
 * import or segment is not found.
 */
@ReachTest
class AudiencePagesTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aListIsMadeFilledChangedAndEmptiedInTheConsole() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        browser.get("/app/lists");

        assertThat(browser.post("/app/lists", Map.of("name", " ", "opt_in", "single"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> made =
                browser.post("/app/lists", Map.of("name", "Weekly news", "opt_in", "single", "visibility", "public"));
        assertThat(made.statusCode()).isEqualTo(302);
        String page = location(made);
        UUID list = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        assertThat(browser.post("/app/lists", Map.of("name", "Weekly news", "opt_in", "single"))
                        .body())
                .as("a second list of that name")
                .contains("Weekly news");

        browser.get(page);
        assertThat(browser.post(page + "/members", Map.of("email", "Ada@Example.com"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.post(page + "/members", Map.of("email", "not an address"))
                        .statusCode())
                .isEqualTo(400);
        String shown = browser.get(page).body();
        assertThat(shown).contains("ada@example.com").contains("/subscribe/");
        Api.Response members = api.get("/api/v1/contacts?list_id=" + list, owner.accessToken());
        assertThat(members.json().get("items").get(0).get("email").asString()).isEqualTo("ada@example.com");

        UUID ada = UUID.fromString(members.json().get("items").get(0).get("id").asString());
        browser.post(page + "/members/" + ada + "/unsubscribe", Map.of());
        assertThat(browser.get(page + "?status=unsubscribed").body()).contains("ada@example.com");
        assertThat(browser.get(page + "?status=confirmed").body()).doesNotContain("ada@example.com");

        browser.post(page, Map.of("name", "Monthly news", "opt_in", "double", "visibility", "private"));
        Api.Response changed = api.get("/api/v1/lists/" + list, owner.accessToken());
        assertThat(changed.json().get("list").get("opt_in").asString()).isEqualTo("double");
        assertThat(browser.post(page + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/lists/" + list, owner.accessToken()).status())
                .isEqualTo(404);
    }

    @Test
    void anUploadIsImportedAndItsRefusedRowsAreShownByLine() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        browser.get("/app/contact-imports");
        assertThat(browser.upload("/app/contact-imports", Map.of(), "file", "empty.csv", "")
                        .statusCode())
                .isEqualTo(400);

        HttpResponse<String> queued = browser.upload(
                "/app/contact-imports",
                Map.of(),
                "file",
                "people.csv",
                "email,first_name\ngrace@example.com,Grace\nnot-an-address,Nobody\nalan@example.com,Alan\n");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(302);
        String report = location(queued);
        String done = awaitDone(browser, report + "/progress");
        assertThat(done).contains("data-polling=\"off\"").contains("<dd>2</dd>").contains("<dd>1</dd>");
        String page = browser.get(report).body();
        assertThat(page).contains("<td>3</td>").contains("<td>email</td>");
        assertThat(browser.get("/app/contact-imports").body())
                .contains("3 of 3")
                .doesNotContain("(dry run)");
    }

    @Test
    void theBuilderCountsLiveSavesAndReopensASegment() {
        Accounts.SignedIn owner = accounts.owner();
        String token = owner.accessToken();
        api.post("/api/v1/contacts", token, "{\"email\": \"ada@example.com\", \"tags\": [\"vip\"]}");
        api.post("/api/v1/contacts", token, "{\"email\": \"alan@example.com\", \"tags\": [\"vip\"]}");
        api.post("/api/v1/contacts", token, "{\"email\": \"grace@example.com\"}");
        Browser browser = Browser.signedIn(api, owner);
        assertThat(browser.get("/app/segments/new").body()).contains("Condition 1");

        Map<String, String> vip = Map.of(
                "name", "VIPs", "match", "all", "conditions", "1", "c0.type", "tag", "c0.op", "has", "c0.value", "vip");
        assertThat(browser.post("/app/segments/count", vip).body()).contains("2 contacts");
        assertThat(browser.post("/app/segments/count", Map.of("conditions", "1", "c0.type", "tag", "c0.op", "has"))
                        .body())
                .contains("class=\"error\"")
                .contains("condition 1, value: must be");
        String twoRows =
                browser.post("/app/segments/builder", with(vip, "edit", "add")).body();
        assertThat(twoRows).contains("Condition 2").contains("condition 2, value: must be");
        String typed = browser.post(
                        "/app/segments/builder",
                        with(with(with(vip, "conditions", "2"), "c1.type", "field"), "c1.field", "email"))
                .body();
        assertThat(typed).as("a field condition offers the contact's columns").contains("starts with");

        HttpResponse<String> saved = browser.post("/app/segments", vip);
        assertThat(saved.statusCode()).isEqualTo(302);
        String segment = location(saved);
        String reopened = browser.get(segment).body();
        assertThat(reopened).contains("2 contacts").contains("value=\"vip\"").contains("ada@example.com");
        assertThat(browser.post("/app/segments", with(vip, "name", "")).statusCode())
                .isEqualTo(400);

        Browser stranger = Browser.signedIn(api, accounts.owner());
        assertThat(stranger.get(segment).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherWorkspacesListAndImportAreNotFound() {
        String theirs = accounts.owner().accessToken();
        UUID list = id(api.post("/api/v1/lists", theirs, "{\"name\": \"Theirs\", \"opt_in\": \"single\"}"));
        Api.Response imported =
                api.post("/api/v1/contact-imports", theirs, "email\nx@example.com\n", "Content-Type", "text/csv");
        Browser browser = Browser.signedIn(api, accounts.owner());

        assertThat(browser.get("/app/lists/" + list).statusCode()).isEqualTo(404);
        assertThat(browser.get(imported.header("Location").replace("/api/v1/", "/app/"))
                        .statusCode())
                .isEqualTo(404);
        browser.get("/app/lists");
        assertThat(browser.post("/app/lists/" + list + "/members", Map.of("email", "y@example.com"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/contacts?list_id=" + list, theirs)
                        .json()
                        .get("items")
                        .size())
                .isZero();
    }

    @Test
    void thePreferenceCentreWearsTheWorkspacesBranding() throws Exception {
        Accounts.SignedIn owner = accounts.owner();
        String token = owner.accessToken();
        assertThat(api.get("/api/v1/preference-centre", token)
                        .json()
                        .get("title")
                        .asString())
                .isEqualTo("Your subscriptions");
        Api.Response refused = api.put("/api/v1/preference-centre", token, """
                {"title": "Stay in touch", "accent_color": "red", "logo_url": "javascript:alert(1)"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("accent_color").contains("logo_url");
        Api.Response saved = api.put("/api/v1/preference-centre", token, """
                {"title": "Stay in touch", "introduction": "Choose what Acme sends you.", "brand_name": "Acme",
                 "logo_url": "https://cdn.acme.example/logo.png", "accent_color": "#FFD200",
                 "footer": "Acme Ltd, 1 High Street", "offer_frequency": false}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("accent_color").asString()).isEqualTo("#ffd200");

        UUID contact = id(api.post("/api/v1/contacts", token, "{\"email\": \"pat@example.com\"}"));
        String link = api.get("/api/v1/contacts/" + contact + "/preferences-link", token)
                .json()
                .get("url")
                .asString();
        HttpResponse<String> centre = new Browser(api).get(link.substring(link.indexOf("/preferences/")));
        assertThat(centre.body())
                .contains("<h1>Stay in touch</h1>")
                .contains("Choose what Acme sends you.")
                .contains("https://cdn.acme.example/logo.png")
                .contains("Acme Ltd, 1 High Street")
                .doesNotContain("At most one a week");
        String style = centre.body()
                .substring(
                        centre.body().indexOf("<style>") + "<style>".length(),
                        centre.body().indexOf("</style>"));
        assertThat(style).contains("#ffd200").contains("color: #000000");
        String hash = java.util.Base64.getEncoder()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(centre.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("'sha256-" + hash + "'")
                .contains("img-src https:")
                .contains("default-src 'none'");

        Browser browser = Browser.signedIn(api, owner);
        assertThat(browser.get("/app/preference-centre").body()).contains("Stay in touch");
        assertThat(browser.get("/app/preference-centre/preview").body())
                .contains("Weekly news")
                .contains("<h1>Stay in touch</h1>");
        assertThat(browser.post("/app/preference-centre", Map.of("title", "", "accent_color", "#000000"))
                        .statusCode())
                .isEqualTo(400);
    }

    private static String location(HttpResponse<String> redirect) {
        return java.net
                .URI
                .create(redirect.headers().firstValue("Location").orElseThrow())
                .getPath();
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(form);
        more.put(name, value);
        return more;
    }

    private static String awaitDone(Browser browser, String progress) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            String card = browser.get(progress).body();
            if (card.contains("data-polling=\"off\"")) {
                return card;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(progress + " did not finish");
    }
}

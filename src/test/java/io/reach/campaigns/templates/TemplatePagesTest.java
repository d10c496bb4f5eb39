package io.reach.campaigns.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.campaigns.ConsoleVisitors;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's template pages: write a Mustache template, see its variables and a live preview
 * rendered as sending renders it (escaped in HTML), save new versions and compare two side by side.
 */
@ReachTest
class TemplatePagesTest {

    private static final String HELLO = "<p>Hello {{first_name}}</p>";
    private static final String SPRING = "<p>Hello {{first_name}}, spring is here</p>";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void aTemplateIsWrittenListedAndSavedAsANewVersion() {
        Accounts.SignedIn owner = accounts.owner();
        Browser ada = Browser.signedIn(api, owner);
        assertThat(ada.get("/app/templates").body()).contains("No template yet");

        String id = create(ada, "Welcome", HELLO);
        assertThat(ada.get("/app/templates").body())
                .contains("<a href=\"/app/templates/" + id + "\">Welcome</a>")
                .doesNotContain("No template yet");

        String editor = ada.get("/app/templates/" + id).body();
        assertThat(editor)
                .contains("hx-post=\"/app/templates/preview\"")
                .contains("hx-trigger=\"keyup changed delay:500ms, change\"")
                .contains("<code>{{first_name}}</code> — default “there”")
                .contains("<code>{{coupon}}</code> — each recipient supplies it")
                .contains("&lt;p&gt;Hello {{first_name}}&lt;/p&gt;");

        assertThat(ada.post("/app/templates/" + id, fields("Welcome", SPRING)).statusCode())
                .isEqualTo(302);
        var latest = api.get("/api/v1/templates/" + id, owner.accessToken()).json();
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("template_content").get("html").asString()).isEqualTo(SPRING);
        assertThat(latest.get("required_variables").get(0).asString()).isEqualTo("coupon");
    }

    @Test
    void anUndeclaredPlaceholderIsRefusedNextToItsField() {
        Browser ada = Browser.signedIn(api, accounts.owner());
        ada.get("/app/templates/new");

        var refused = ada.post("/app/templates", fields("Broken", "<p>{{discount}}</p>"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"html-error\"")
                .contains("[discount]")
                .contains("value=\"Broken\"");
        assertThat(ada.get("/app/templates").body()).contains("No template yet");
    }

    @Test
    void thePreviewRendersAsSendingDoesEscapingWhatAVariableInsertsIntoHtml() {
        Browser ada = Browser.signedIn(api, accounts.owner());
        ada.get("/app/templates/new");
        Map<String, String> typed = fields("Welcome", "<p>Hi {{first_name}}</p>");
        typed.put("samples", "first_name = <script>alert(1)</script>");

        HttpResponse<String> preview = ada.post("/app/templates/preview", typed);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .as("a fragment, not a page")
                .doesNotContain("<main")
                .doesNotContain("<script>alert")
                .contains("<pre class=\"source\" data-part=\"html\">&lt;p&gt;Hi &amp;lt;script&amp;gt;alert(1)"
                        + "&amp;lt;/script&amp;gt;&lt;/p&gt;</pre>")
                .containsPattern("srcdoc=\"(&lt;|<)p(&gt;|>)Hi &amp;lt;script&amp;gt;alert")
                .as("subjects are plain text: the renderer leaves them, the page escapes them")
                .contains("<pre class=\"source\" data-part=\"subject\">Hi &lt;script&gt;alert(1)&lt;/script&gt;</pre>");

        typed.put("html", "<p>{{#unclosed}}</p>");
        assertThat(ada.post("/app/templates/preview", typed).body())
                .contains("The preview shows once the template is valid")
                .contains("html: is not a valid template");
    }

    @Test
    void twoVersionsAreComparedSideBySideWithTheChangedLinesMarked() {
        Browser ada = Browser.signedIn(api, accounts.owner());
        String id = create(ada, "Welcome", HELLO);
        ada.get("/app/templates/" + id);
        ada.post("/app/templates/" + id, fields("Welcome", SPRING));

        String compared =
                ada.get("/app/templates/" + id + "/versions?left=1&right=2").body();

        assertThat(compared)
                .contains("<option value=\"1\" selected>Version 1</option>")
                .contains("<del>&lt;p&gt;Hello {{first_name}}&lt;/p&gt;</del>")
                .contains("<ins>&lt;p&gt;Hello {{first_name}}, spring is here&lt;/p&gt;</ins>")
                .containsOnlyOnce("class=\"diff-changed\"")
                .contains("class=\"diff-same\"");
        assertThat(ada.get("/app/templates/" + id + "/versions?left=1&right=7").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theListIsSearchedByName() {
        Browser ada = Browser.signedIn(api, accounts.owner());
        create(ada, "Spring welcome", HELLO);
        create(ada, "Winter reminder", HELLO);

        assertThat(ada.get("/app/templates?name=WELCOME").body())
                .contains("Spring welcome")
                .doesNotContain("Winter reminder");
        assertThat(ada.get("/app/templates?name=summer").body()).contains("No template's name contains");
    }

    @Test
    void peopleWithoutThePermissionGetNoLinkAndNoPage() {
        Accounts.SignedIn owner = accounts.owner();
        Browser ada = Browser.signedIn(api, owner);
        String id = create(ada, "Welcome", HELLO);
        assertThat(ada.get("/").body()).contains("href=\"/app/templates\"");

        Browser outsider = ConsoleVisitors.memberOf(
                        owner, ConsoleVisitors.outsiderRole(owner, api), api, accounts, fixtures)
                .browser();
        assertThat(outsider.get("/").body()).doesNotContain("href=\"/app/templates\"");
        assertThat(outsider.get("/app/templates").statusCode()).isEqualTo(403);
        assertThat(outsider.get("/app/templates/" + id).statusCode()).isEqualTo(403);
        assertThat(outsider.post("/app/templates/preview", fields("x", HELLO)).statusCode())
                .isEqualTo(403);

        Browser analyst = ConsoleVisitors.memberOf(owner, "analyst", api, accounts, fixtures)
                .browser();
        assertThat(analyst.get("/app/templates").body()).contains("Welcome").doesNotContain("New template");
        assertThat(analyst.get("/app/templates/" + id).body())
                .contains("saving a version needs the permission to edit templates")
                .doesNotContain("Save as a new version");
        assertThat(analyst.post("/app/templates/" + id, fields("Welcome", SPRING))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anotherWorkspacesTemplateIsNotFound() {
        Browser ada = Browser.signedIn(api, accounts.owner());
        String id = create(ada, "Welcome", HELLO);

        Browser bob = Browser.signedIn(api, accounts.owner());
        bob.get("/app/templates");
        assertThat(bob.get("/app/templates/" + id).statusCode()).isEqualTo(404);
        assertThat(bob.get("/app/templates/" + id + "/versions?left=1&right=1").statusCode())
                .isEqualTo(404);
        assertThat(bob.post("/app/templates/" + id, fields("Mine now", HELLO)).statusCode())
                .isEqualTo(404);
    }

    /** Creates an e-mail template through the editor; answers its id. */
    private static String create(Browser browser, String name, String html) {
        browser.get("/app/templates/new");
        HttpResponse<String> created = browser.post("/app/templates", fields(name, html));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static Map<String, String> fields(String name, String html) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("type", "email");
        fields.put("subject", "Hi {{first_name}}");
        fields.put("html", html);
        fields.put("variables", "first_name = there\ncoupon");
        return fields;
    }
}

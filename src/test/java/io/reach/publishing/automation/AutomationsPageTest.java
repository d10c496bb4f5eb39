package io.reach.publishing.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import io.reach.support.WebhookSigning;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The console's automations: created in the editor (the API's rules, each problem next to its field),
 * listed, switched off and on, changed, and each one's run log; other workspaces and people without
 * the permission get nothing.
 */
@ReachTest
class AutomationsPageTest {

    private static final UUID X = UUID.fromString("0193a0c0-0000-7000-8000-000000000005");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AutomationEngine engine;

    @Test
    void anAutomationWithABadFieldIsRefusedNextToTheFieldThenCreatedAndListed() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X, "x-" + UUID.randomUUID());
        Browser browser = Browser.signedIn(api, ada);
        assertThat(browser.get("/app/automations").body()).contains("No automation yet");
        assertThat(browser.get("/app/automations/new").body()).contains("<option value=\"" + account + "\"");

        var milestone = browser.post(
                "/app/automations", form(account, "Ten thousand", "follower_milestone", "-3", "notify", ""));
        assertThat(milestone.statusCode()).isEqualTo(400);
        assertThat(milestone.body())
                .contains("<p class=\"error\" id=\"threshold-error\">is a positive number</p>")
                .contains("value=\"Ten thousand\"");

        var reply = browser.post("/app/automations", form(account, "Welcome", "new_follower", "", "reply", ""));
        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.body())
                .contains("id=\"action_type_0-error\">a new_follower trigger allows dm, notify</p>")
                .contains("id=\"action_text_0-error\">is required for reply</p>");

        var nameless = browser.post("/app/automations", form(account, " ", "mention", "", "like", ""));
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(nameless.body()).contains("id=\"name-error\"");

        Map<String, String> valid = new java.util.HashMap<>(
                form(account, "Pricing questions", "new_comment", "", "notify", "Someone asks"));
        valid.put("keywords", "price\ncost");
        valid.put("enabled", "on");
        assertThat(browser.post("/app/automations", valid).statusCode()).isEqualTo(302);

        assertThat(browser.get("/app/automations").body())
                .contains("<th scope=\"row\">Pricing questions</th>")
                .contains("<td>new comment</td>")
                .contains("Enabled")
                .doesNotContain("No automation yet");
        JsonNode created = api.get("/api/v1/automations", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(created.get("trigger").toString())
                .isEqualTo("{\"type\":\"new_comment\",\"keywords\":[\"price\",\"cost\"]}");
        assertThat(created.get("consent_required").asBoolean())
                .as("X's rule, as in the API")
                .isTrue();
    }

    @Test
    void anAutomationIsSwitchedOffAndOnAndChanged() {
        Accounts.SignedIn ada = accounts.owner();
        String id = created(ada, "Thanks");
        Browser browser = Browser.signedIn(api, ada);
        browser.get("/app/automations");

        assertThat(browser.post("/app/automations/" + id + "/enabled", Map.of("enabled", "false"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/app/automations").body())
                .contains("Enable Thanks")
                .contains("Disabled");
        assertThat(api.get("/api/v1/automations/" + id, ada.accessToken())
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isFalse();

        assertThat(browser.get("/app/automations/" + id + "/edit").body())
                .contains("value=\"Thanks\"")
                .contains("<option value=\"mention\" selected>");
        var renamed = browser.post(
                "/app/automations/" + id,
                Map.of(
                        "name",
                        "Thanks a lot",
                        "trigger_type",
                        "mention",
                        "action_type",
                        "like",
                        "action_text",
                        "",
                        "enabled",
                        "on",
                        "consent_required",
                        "on"));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(302);
        assertThat(browser.get("/app/automations").body())
                .contains("<th scope=\"row\">Thanks a lot</th>")
                .contains("Disable Thanks a lot");
    }

    @Test
    void theRunLogShowsEachRun() {
        Accounts.SignedIn ada = accounts.owner();
        String user = "x-" + UUID.randomUUID();
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X, user);
        String id = api.post("/api/v1/automations", ada.accessToken(), """
                {"social_account_id": "%s", "name": "Prices", "trigger": {"type": "new_comment", "keywords": ["price"]},
                 "actions": [{"type": "notify", "text": "Someone asks"}]}""".formatted(account))
                .json()
                .get("id")
                .asString();
        Browser browser = Browser.signedIn(api, ada);
        assertThat(browser.get("/app/automations/" + id + "/runs").body()).contains("No run yet");

        deliverReply(user, "What is the price?");
        engine.runWaiting();

        assertThat(browser.get("/app/automations/" + id + "/runs").body())
                .contains("<span class=\"s-run s-run-skipped\">skipped</span>")
                .doesNotContain("No run yet");
    }

    @Test
    void anotherWorkspacesAutomationIsNotFound() {
        String id = created(accounts.owner(), "Theirs");
        Browser bob = Browser.signedIn(api, accounts.owner());

        assertThat(bob.get("/app/automations/" + id + "/runs").statusCode()).isEqualTo(404);
        assertThat(bob.get("/app/automations/" + id + "/edit").statusCode()).isEqualTo(404);
        bob.get("/app/automations");
        assertThat(bob.post("/app/automations/" + id + "/enabled", Map.of("enabled", "false"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(bob.post("/app/automations/" + id, Map.of("name", "Mine", "trigger_type", "mention"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(bob.get("/app/automations").body()).doesNotContain("Theirs");
    }

    @Test
    void someoneWithoutThePermissionGetsNeitherThePagesNorTheLink() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn viewer = accounts.owner();
        fixtures.addMember(ada.tenantId(), viewer.userId(), "viewer");
        Browser browser = Browser.signedIn(api, viewer.email());
        browser.post("/app/workspace", Map.of("tenant_id", ada.tenantId().toString()));

        assertThat(browser.get("/").body()).doesNotContain("href=\"/app/automations\"");
        assertThat(browser.get("/app/automations").statusCode()).isEqualTo(403);

        Accounts.SignedIn analyst = accounts.owner();
        fixtures.addMember(ada.tenantId(), analyst.userId(), "analyst");
        Browser reader = Browser.signedIn(api, analyst.email());
        reader.post("/app/workspace", Map.of("tenant_id", ada.tenantId().toString()));
        assertThat(reader.get("/").body()).contains("href=\"/app/automations\"");
        assertThat(reader.get("/app/automations").statusCode()).isEqualTo(200);
        assertThat(reader.get("/app/automations/new").statusCode()).isEqualTo(403);
        assertThat(reader.post("/app/automations", Map.of("name", "Nope")).statusCode())
                .isEqualTo(403);
    }

    private String created(Accounts.SignedIn who, String name) {
        UUID account = fixtures.socialAccount(who.tenantId(), "x", X, "x-" + UUID.randomUUID());
        return api.post("/api/v1/automations", who.accessToken(), """
                {"social_account_id": "%s", "name": "%s", "trigger": {"type": "mention"},
                 "actions": [{"type": "like"}]}""".formatted(account, name))
                .json()
                .get("id")
                .asString();
    }

    private static Map<String, String> form(
            UUID account, String name, String trigger, String threshold, String action, String text) {
        return Map.of(
                "social_account_id", account.toString(),
                "name", name,
                "trigger_type", trigger,
                "threshold", threshold,
                "action_type", action,
                "action_text", text);
    }

    private void deliverReply(String user, String text) {
        String body = """
                {"for_user_id": "%s", "tweet_create_events": [{"id_str": "t-%s", "text": "%s",
                 "in_reply_to_status_id_str": "1", "user": {"id_str": "fan-1", "screen_name": "fan"}}]}""".formatted(user, user, text);
        assertThat(api.send(
                                "POST",
                                "/api/v1/webhooks/social/x",
                                null,
                                body,
                                List.of("x-twitter-webhooks-signature", WebhookSigning.x(body)))
                        .status())
                .isEqualTo(200);
    }
}

package io.reach.publishing.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import io.reach.support.WebhookSigning;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Automations through the API: validated rules, X's consent requirement, the execution log, tenant isolation. */
@ReachTest
class AutomationTest {

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
    void anXAutomationActsOnlyWhileConsentIsRecordedAndLogsEveryRun() {
        Accounts.SignedIn ada = accounts.owner();
        String user = "x-" + UUID.randomUUID();
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X, user);
        JsonNode automation = api.post("/api/v1/automations", ada.accessToken(), """
                {"social_account_id": "%s", "name": "Pricing questions",
                 "trigger": {"type": "new_comment", "keywords": ["price"]},
                 "actions": [{"type": "notify", "text": "Someone asks about prices"}]}""".formatted(account))
                .json();
        String id = automation.get("id").asString();
        assertThat(automation.get("consent_required").asBoolean())
                .as("X requires consent")
                .isTrue();

        deliverReply(user, "r1", "What is the PRICE of this?");
        engine.runWaiting();
        assertThat(executions(ada, id))
                .extracting(e -> e.get("status").asString())
                .containsExactly("skipped");

        assertThat(api.post("/api/v1/automations/" + id + "/consent", ada.accessToken(), null)
                        .status())
                .isEqualTo(200);
        deliverReply(user, "r2", "Price please");
        deliverReply(user, "r3", "Nice photo");
        deliverReply(user, "r2", "Price please");
        engine.runWaiting();
        assertThat(executions(ada, id))
                .extracting(e -> e.get("status").asString())
                .containsExactly("succeeded", "skipped");
        assertThat(TestMailServer.mailsTo(ada.email(), 3))
                .anyMatch(mail -> mail.contains("Someone asks about prices") && mail.contains("Price please"));

        JsonNode revoked = api.delete("/api/v1/automations/" + id + "/consent", ada.accessToken())
                .json();
        assertThat(revoked.get("revoked_at").isNull()).isFalse();
        deliverReply(user, "r4", "price?");
        engine.runWaiting();
        assertThat(executions(ada, id).get(0).get("status").asString()).isEqualTo("skipped");
        assertThat(api.get("/api/v1/consents?social_account_id=" + account, ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void rulesAreCheckedFieldByField() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn eve = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X, "x-" + UUID.randomUUID());
        UUID evesAccount = fixtures.socialAccount(eve.tenantId(), "x", X, "x-" + UUID.randomUUID());

        var wrong = api.post("/api/v1/automations", ada.accessToken(), """
                {"social_account_id": "%s", "name": "Bad", "trigger": {"type": "new_follower"},
                 "actions": [{"type": "reply"}, {"type": "dm"}]}""".formatted(account));
        var milestone = api.post("/api/v1/automations", ada.accessToken(), """
                {"social_account_id": "%s", "name": "Bad", "trigger": {"type": "follower_milestone", "followers": -3},
                 "actions": [{"type": "notify"}]}""".formatted(account));
        var foreign = api.post("/api/v1/automations", ada.accessToken(), """
                {"social_account_id": "%s", "name": "Theirs", "trigger": {"type": "mention"},
                 "actions": [{"type": "notify"}]}""".formatted(evesAccount));
        var malformed = api.post("/api/v1/automations", ada.accessToken(), "{\"name\": ");

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactly("actions[0].type", "actions[0].text", "actions[1].text");
        assertThat(fields(milestone)).containsExactly("trigger.followers");
        assertThat(fields(foreign)).containsExactly("social_account_id");
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void anotherTenantCannotSeeOrChangeAnAutomationAndOnlyOwnersAndAdminsRecordConsent() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn eve = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X, "x-" + UUID.randomUUID());
        String id = api.post("/api/v1/automations", ada.accessToken(), """
                {"social_account_id": "%s", "name": "Thanks", "trigger": {"type": "mention"},
                 "actions": [{"type": "like"}]}""".formatted(account))
                .json()
                .get("id")
                .asString();
        String editor = accounts.member(ada, "editor", fixtures);
        String analyst = accounts.member(ada, "analyst", fixtures);

        assertThat(api.get("/api/v1/automations/" + id, eve.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/automations/" + id, eve.accessToken(), "{\"enabled\": false}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/automations/" + id + "/consent", eve.accessToken(), null)
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/automations/" + id, eve.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/automations", eve.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertThat(api.post("/api/v1/automations/" + id + "/consent", editor, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.patch("/api/v1/automations/" + id, analyst, "{\"enabled\": false}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/automations/" + id, analyst).status()).isEqualTo(200);

        JsonNode paused = api.patch("/api/v1/automations/" + id, editor, "{\"enabled\": false}")
                .json();
        assertThat(paused.get("enabled").asBoolean()).isFalse();
        assertThat(paused.get("consent_required").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/automations?enabled=true", ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertThat(api.delete("/api/v1/automations/" + id, ada.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/automations/" + id, ada.accessToken()).status())
                .isEqualTo(404);
    }

    private void deliverReply(String user, String tweetId, String text) {
        String body = """
                {"for_user_id": "%s", "tweet_create_events": [{"id_str": "%s", "text": "%s",
                 "in_reply_to_status_id_str": "1", "user": {"id_str": "fan-1", "screen_name": "fan"}}]}""".formatted(user, tweetId + "-" + user, text);
        assertThat(api.send(
                                "POST",
                                "/api/v1/webhooks/social/x",
                                null,
                                body,
                                List.of("x-twitter-webhooks-signature", WebhookSigning.x(body)))
                        .status())
                .isEqualTo(200);
    }

    private List<JsonNode> executions(Accounts.SignedIn who, String automation) {
        return api.get("/api/v1/automations/" + automation + "/executions", who.accessToken())
                .json()
                .get("items")
                .valueStream()
                .toList();
    }

    private static List<String> fields(Api.Response response) {
        return response.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }
}

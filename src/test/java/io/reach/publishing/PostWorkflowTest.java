package io.reach.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ReachTest
class PostWorkflowTest {

    private static final UUID X_CHANNEL = UUID.fromString("0193a0c0-0000-7000-8000-000000000005");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    Fixtures fixtures;

    @Test
    void aVariantOverItsPlatformsLimitIsRejectedWithAFieldError() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X_CHANNEL, "u" + UUID.randomUUID());

        var response = api.post("/api/v1/posts", ada.accessToken(), """
                {"title": "Too long", "variants": [{"social_account_id": "%s", "text": "%s", "media": []}]}""".formatted(account, "x".repeat(281)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("variants[0].text");
        assertThat(response.json().at("/errors/0/message").asString()).contains("280");
    }

    @Test
    void aPostIsSubmittedApprovedBySomeoneElseScheduledInItsTimeZoneAndCancelled() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        fixtures.addMember(ada.tenantId(), bob.userId(), "admin");
        String bobInAda = api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"email\": \"%s\", \"password\": \"%s\", \"tenant_id\": \"%s\"}"
                                .formatted(bob.email(), Accounts.PASSWORD, ada.tenantId()))
                .json()
                .get("access_token")
                .asString();
        String id = draft(ada);

        assertThat(api.post("/api/v1/posts/" + id + "/approve", bobInAda, null).status())
                .as("not submitted")
                .isEqualTo(409);
        assertThat(api.post("/api/v1/posts/" + id + "/submit", ada.accessToken(), null)
                        .status())
                .isEqualTo(200);
        var own = api.post("/api/v1/posts/" + id + "/approve", ada.accessToken(), null);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("detail").asString()).contains("own post");
        assertThat(api.post("/api/v1/posts/" + id + "/approve", bobInAda, null)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("approved");

        LocalDate day = LocalDate.now().plusDays(30);
        JsonNode scheduled = api.post(
                        "/api/v1/posts/" + id + "/schedule",
                        ada.accessToken(),
                        "{\"local_time\": \"%sT09:00:00\", \"time_zone\": \"Europe/Paris\"}".formatted(day))
                .json();
        assertThat(scheduled.get("status").asString()).isEqualTo("scheduled");
        assertThat(Instant.parse(scheduled.get("scheduled_at").asString()))
                .isEqualTo(day.atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        assertThat(scheduled.get("time_zone").asString()).isEqualTo("Europe/Paris");

        assertThat(api.post("/api/v1/posts/" + id + "/cancel", ada.accessToken(), null)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("cancelled");
        assertThat(api.post("/api/v1/posts/" + id + "/cancel", ada.accessToken(), null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void withoutRequiredApprovalADraftIsScheduledDirectly() {
        Accounts.SignedIn ada = accounts.owner();
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            jdbc.update("update tenancy.tenant_settings set settings = '{\"require_post_approval\": false}'");
        });
        String id = draft(ada);

        var scheduled = api.post(
                "/api/v1/posts/" + id + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"%s\"}".formatted(Instant.now().plusSeconds(3600)));
        var past = api.post(
                "/api/v1/posts/" + draft(ada) + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"2001-01-01T00:00:00Z\"}");
        var badZone = api.post(
                "/api/v1/posts/" + id + "/schedule",
                ada.accessToken(),
                "{\"local_time\": \"2030-01-01T09:00:00\", \"time_zone\": \"Mars/Olympus\"}");

        assertThat(scheduled.json().get("status").asString()).isEqualTo("scheduled");
        assertThat(past.status()).isEqualTo(409);
        assertThat(badZone.status()).isEqualTo(400);
    }

    @Test
    void anotherWorkspacesPostsAreNotFound() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn eve = accounts.owner();
        String id = draft(ada);

        assertThat(api.get("/api/v1/posts/" + id, eve.accessToken()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/posts/" + id + "/cancel", eve.accessToken(), null)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/posts", eve.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isZero();
        var foreignAccount = api.post("/api/v1/posts", eve.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "hi", "media": []}]}""".formatted(
                        fixtures.socialAccount(ada.tenantId(), "x", X_CHANNEL, "u" + UUID.randomUUID())));
        assertThat(foreignAccount.status()).isEqualTo(400);
        assertThat(foreignAccount.json().at("/errors/0/field").asString()).isEqualTo("variants[0].social_account_id");
    }

    @Test
    void aPostIsEditedBackToDraftUntilScheduledAndDeletedOnlyWhenNotScheduled() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn eve = accounts.owner();
        String id = draft(ada);
        String account = api.get("/api/v1/posts/" + id, ada.accessToken())
                .json()
                .at("/variants/0/social_account_id")
                .asString();
        assertThat(api.post("/api/v1/posts/" + id + "/submit", ada.accessToken(), null)
                        .status())
                .isEqualTo(200);
        String edit = """
                {"title": "Launch v2", "variants": [{"social_account_id": "%s", "text": "%s", "media": []}]}""";

        var edited = api.put("/api/v1/posts/" + id, ada.accessToken(), edit.formatted(account, "We launch tomorrow"));
        var tooLong = api.put("/api/v1/posts/" + id, ada.accessToken(), edit.formatted(account, "x".repeat(281)));
        var foreign = api.put("/api/v1/posts/" + id, eve.accessToken(), edit.formatted(account, "Mine now"));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("title").asString()).isEqualTo("Launch v2");
        assertThat(edited.json().get("submitted_at").isNull())
                .as("needs submitting again")
                .isTrue();
        assertThat(edited.json().at("/variants/0/text").asString()).isEqualTo("We launch tomorrow");
        assertThat(tooLong.json().at("/errors/0/field").asString()).isEqualTo("variants[0].text");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/posts/" + id, ada.accessToken())
                        .json()
                        .at("/variants/0/text")
                        .asString())
                .isEqualTo("We launch tomorrow");

        api.put(
                "/api/v1/admin/tenants/" + ada.tenantId() + "/settings",
                Api.ADMIN,
                "{\"require_post_approval\": false}");
        assertThat(api.post(
                                "/api/v1/posts/" + id + "/schedule",
                                ada.accessToken(),
                                "{\"scheduled_at\": \"%s\"}"
                                        .formatted(java.time.Instant.now().plusSeconds(3600)))
                        .status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/posts/" + id, ada.accessToken(), edit.formatted(account, "Late change"))
                        .status())
                .isEqualTo(409);
        assertThat(api.delete("/api/v1/posts/" + id, ada.accessToken()).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/posts/" + id + "/cancel", ada.accessToken(), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.delete("/api/v1/posts/" + id, eve.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/posts/" + id, ada.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/posts/" + id, ada.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void aSubmittedPostWaitsInTheApprovalQueueOfEveryoneButItsAuthor() {
        Accounts.SignedIn ada = accounts.owner();
        Accounts.SignedIn bob = accounts.owner();
        fixtures.addMember(ada.tenantId(), bob.userId(), "admin");
        String bobInAda = api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"email\": \"%s\", \"password\": \"%s\", \"tenant_id\": \"%s\"}"
                                .formatted(bob.email(), Accounts.PASSWORD, ada.tenantId()))
                .json()
                .get("access_token")
                .asString();
        String waiting = draft(ada);
        String stillDraft = draft(ada);

        var submitted = api.post("/api/v1/posts/" + waiting + "/submit", ada.accessToken(), null);
        assertThat(submitted.json().get("status").asString()).isEqualTo("submitted");
        assertThat(api.post("/api/v1/posts/" + waiting + "/submit", ada.accessToken(), null)
                        .status())
                .as("already submitted")
                .isEqualTo(409);

        assertThat(ids(api.get("/api/v1/posts?status=submitted", ada.accessToken())
                        .json()))
                .containsExactly(waiting);
        assertThat(ids(api.get("/api/v1/posts?status=draft", ada.accessToken()).json()))
                .containsExactly(stillDraft);
        assertThat(ids(api.get("/api/v1/posts/awaiting-approval", bobInAda).json()))
                .containsExactly(waiting);
        assertThat(ids(api.get("/api/v1/posts/awaiting-approval", ada.accessToken())
                        .json()))
                .as("nobody approves their own post")
                .isEmpty();

        var rejected = api.post("/api/v1/posts/" + waiting + "/reject", bobInAda, "{\"reason\": \"Wrong date\"}")
                .json();
        assertThat(rejected.get("status").asString()).isEqualTo("draft");
        assertThat(rejected.get("rejection_reason").asString()).isEqualTo("Wrong date");
        assertThat(ids(api.get("/api/v1/posts/awaiting-approval", bobInAda).json()))
                .isEmpty();

        api.post("/api/v1/posts/" + waiting + "/submit", ada.accessToken(), null);
        assertThat(api.post("/api/v1/posts/" + waiting + "/approve", bobInAda, null)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("approved");
        assertThat(ids(api.get("/api/v1/posts/awaiting-approval", bobInAda).json()))
                .isEmpty();
    }

    private static java.util.List<String> ids(JsonNode page) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private String draft(Accounts.SignedIn who) {
        UUID account = fixtures.socialAccount(who.tenantId(), "x", X_CHANNEL, "u" + UUID.randomUUID());
        return api.post("/api/v1/posts", who.accessToken(), """
                {"title": "Launch", "variants": [{"social_account_id": "%s", "text": "We launch today",
                 "media": [{"type": "image", "format": "png", "url": "https://cdn.example.com/a.png"}],
                 "metadata": {"hashtags": ["launch"]}}]}""".formatted(account))
                .json()
                .get("id")
                .asString();
    }
}

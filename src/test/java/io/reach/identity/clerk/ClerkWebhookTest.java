package io.reach.identity.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Clerk's user events, signed the way Svix signs them (computed here independently of the code under test). */
@ReachTest
class ClerkWebhookTest {

    private static final String URL = "/api/v1/webhooks/identity/clerk";
    private static final byte[] KEY = "reach-test-clerk-webhook-secret!".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Api api;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    Accounts accounts;

    @Test
    void aSignedUserCreatedEventCreatesTheUserAndUpdatesFollow() {
        String clerkId = "user_" + UUID.randomUUID().toString().replace("-", "");
        String email = clerkId + "@example.com";

        var created =
                deliver("msg_" + UUID.randomUUID(), Instant.now(), event("user.created", clerkId, email, "Grace"));
        var updated =
                deliver("msg_" + UUID.randomUUID(), Instant.now(), event("user.updated", clerkId, email, "Gracie"));

        assertThat(created.status()).isEqualTo(204);
        assertThat(updated.status()).isEqualTo(204);
        Map<String, @Nullable Object> user = userWithClerkId(clerkId);
        assertThat(user)
                .containsEntry("email", email)
                .containsEntry("first_name", "Gracie")
                .containsEntry("account_provider", "clerk")
                .containsEntry("status", "active");
        assertThat(Objects.requireNonNull(user.get("public_metadata")).toString())
                .contains("\"plan\": \"pro\"");
    }

    @Test
    void aTamperedBodyIsRejected() {
        String clerkId = "user_" + UUID.randomUUID().toString().replace("-", "");
        String body = event("user.created", clerkId, clerkId + "@example.com", "Mallory");
        String id = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        String signature = sign(id, now, body);

        var response = api.send(
                "POST",
                URL,
                null,
                body.replace("Mallory", "Admin"),
                List.of("svix-id", id, "svix-timestamp", Long.toString(now), "svix-signature", signature));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(userCount(clerkId)).isZero();
    }

    @Test
    void aStaleDeliveryIsRejected() {
        String clerkId = "user_" + UUID.randomUUID().toString().replace("-", "");

        var response = deliver(
                "msg_" + UUID.randomUUID(),
                Instant.now().minusSeconds(6 * 60),
                event("user.created", clerkId, clerkId + "@example.com", "Old"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).contains("5 minutes");
        assertThat(userCount(clerkId)).isZero();
    }

    @Test
    void aReplayedDeliveryIsAcknowledgedAndIgnored() {
        String clerkId = "user_" + UUID.randomUUID().toString().replace("-", "");
        String email = clerkId + "@example.com";
        String id = "msg_" + UUID.randomUUID();
        deliver(id, Instant.now(), event("user.created", clerkId, email, "First"));

        var replay = deliver(id, Instant.now(), event("user.updated", clerkId, email, "Second"));

        assertThat(replay.status()).isEqualTo(204);
        assertThat(userWithClerkId(clerkId)).containsEntry("first_name", "First");
    }

    @Test
    void aDeletedUserIsDeactivated() {
        String clerkId = "user_" + UUID.randomUUID().toString().replace("-", "");
        deliver(
                "msg_" + UUID.randomUUID(),
                Instant.now(),
                event("user.created", clerkId, clerkId + "@example.com", "Temp"));

        deliver(
                "msg_" + UUID.randomUUID(),
                Instant.now(),
                "{\"type\": \"user.deleted\", \"object\": \"event\", \"data\": {\"id\": \"%s\", \"deleted\": true}}"
                        .formatted(clerkId));

        assertThat(userWithClerkId(clerkId)).containsEntry("status", "inactive");
    }

    @Test
    void aDeletedUsersAccessTokenStopsWorkingAtOnce() {
        Accounts.SignedIn ada = accounts.owner();
        String clerkId = "user_" + UUID.randomUUID().toString().replace("-", "");
        deliver("msg_" + UUID.randomUUID(), Instant.now(), event("user.created", clerkId, ada.email(), "Ada"));
        assertThat(userWithClerkId(clerkId)).containsEntry("email", ada.email());
        assertThat(api.get("/api/v1/me", ada.accessToken()).status()).isEqualTo(200);

        deliver(
                "msg_" + UUID.randomUUID(),
                Instant.now(),
                "{\"type\": \"user.deleted\", \"object\": \"event\", \"data\": {\"id\": \"%s\", \"deleted\": true}}"
                        .formatted(clerkId));

        assertThat(api.get("/api/v1/me", ada.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void anAddressWithoutAVerificationIsNotVerifiedAndTakesOverNobody() {
        Accounts.SignedIn ada = accounts.owner();
        String clerkId = "user_" + UUID.randomUUID().toString().replace("-", "");
        String unverified = event("user.created", clerkId, ada.email(), "Mallory")
                .replace(", \"verification\": {\"status\": \"verified\"}", "");
        String pending = event("user.created", clerkId, ada.email(), "Mallory")
                .replace("\"status\": \"verified\"", "\"status\": \"unverified\"");

        var withoutVerification = deliver("msg_" + UUID.randomUUID(), Instant.now(), unverified);
        var notYetVerified = deliver("msg_" + UUID.randomUUID(), Instant.now(), pending);

        assertThat(withoutVerification.status()).isEqualTo(204);
        assertThat(notYetVerified.status()).isEqualTo(204);
        assertThat(userCount(clerkId)).isZero();
        String adasClerkId = owner.with(jdbc ->
                jdbc.queryForObject("select clerk_id from identity.users where id = ?", String.class, ada.userId()));
        assertThat(adasClerkId).isNull();
    }

    @Test
    void missingSignatureHeadersAreABadRequest() {
        var response = api.send("POST", URL, null, "{}", List.of());

        assertThat(response.status()).isEqualTo(400);
    }

    private Api.Response deliver(String id, Instant at, String body) {
        long seconds = at.getEpochSecond();
        return api.send(
                "POST",
                URL,
                null,
                body,
                List.of(
                        "svix-id",
                        id,
                        "svix-timestamp",
                        Long.toString(seconds),
                        "svix-signature",
                        "v1,bm90LXRoZS1zaWduYXR1cmU= " + sign(id, seconds, body)));
    }

    private static String sign(String id, long seconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + seconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String event(String type, String clerkId, String email, String firstName) {
        return """
                {"type": "%s", "object": "event", "data": {
                  "id": "%s", "object": "user", "first_name": "%s", "last_name": "Hopper", "username": null,
                  "image_url": "https://img.example.com/%s.png", "external_id": "ext-1",
                  "primary_email_address_id": "idn_1",
                  "email_addresses": [{"id": "idn_0", "email_address": "old@example.com"},
                                      {"id": "idn_1", "email_address": "%s", "verification": {"status": "verified"}}],
                  "public_metadata": {"plan": "pro"}, "private_metadata": {}, "unsafe_metadata": {},
                  "last_sign_in_at": 1763700000000, "created_at": 1763600000000, "updated_at": 1763700000000}}""".formatted(type, clerkId, firstName, clerkId, email);
    }

    private Map<String, @Nullable Object> userWithClerkId(String clerkId) {
        return owner.with(jdbc -> jdbc.queryForMap("""
                select email, first_name, account_provider, status, public_metadata::text as public_metadata
                from identity.users where clerk_id = ?""", clerkId));
    }

    private long userCount(String clerkId) {
        return owner.with(jdbc ->
                jdbc.queryForObject("select count(*) from identity.users where clerk_id = ?", Long.class, clerkId));
    }
}

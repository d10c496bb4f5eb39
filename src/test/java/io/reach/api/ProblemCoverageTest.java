package io.reach.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.WebhookSigning;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The requests the API fuzzing answered with a 5xx, each now a 4xx problem. */
@ReachTest
class ProblemCoverageTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void malformedUtf8InAQueryParameterIsABadRequest() {
        Accounts.SignedIn ada = accounts.owner();

        var cursor = api.get("/api/v1/campaigns?cursor=%ED%A0%80", ada.accessToken());
        var truncated = api.get("/api/v1/posts?status=%E2%82", ada.accessToken());
        var publicEndpoint = api.get("/api/v1/webhooks/social/x?crc_token=%ED%A0%80", null);

        for (Api.Response answer : List.of(cursor, truncated, publicEndpoint)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
        }
        assertThat(cursor.json().at("/errors/0/field").asString()).isEqualTo("cursor");
    }

    @Test
    void aPasswordWithAnUnpairedSurrogateIsABadRequestAtSignIn() {
        Accounts.SignedIn ada = accounts.owner();

        var login = api.post(
                "/api/v1/auth/login",
                null,
                "{\"email\": \"%s\", \"password\": \"abc\\ud800def\"}".formatted(ada.email()));

        assertThat(login.status()).as(login.body()).isEqualTo(400);
        assertThat(login.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void profileDataKeysThatCannotBeStoredAreRefused() {
        Accounts.SignedIn ada = accounts.owner();

        for (String key : List.of("%F0%9F%98%80", "k".repeat(1000), "%E2%80%AEevil")) {
            var put = api.put("/api/v1/me/data/" + key, ada.accessToken(), "{\"value\": 1}");
            assertThat(put.status()).as(key + ": " + put.body()).isBetween(400, 499);
            assertThat(put.contentType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void aSignedClerkEventWithAnAbsurdTimeIsNotAServerError() {
        String clerkId = "user_" + UUID.randomUUID().toString().replace("-", "");
        String body = """
                {"type": "user.created", "object": "event", "data": {"id": "%s", "object": "user",
                  "primary_email_address_id": "idn_1", "email_addresses": [{"id": "idn_1",
                  "email_address": "%s@example.com", "verification": {"status": "verified"}}],
                  "created_at": 1e30, "last_sign_in_at": -5}}""".formatted(clerkId, clerkId);
        String id = "msg_" + UUID.randomUUID();
        long seconds = Instant.now().getEpochSecond();

        var delivered = api.send(
                "POST",
                "/api/v1/webhooks/identity/clerk",
                null,
                body,
                List.of(
                        "svix-id",
                        id,
                        "svix-timestamp",
                        Long.toString(seconds),
                        "svix-signature",
                        WebhookSigning.clerk(id, seconds, body)));

        assertThat(delivered.status()).as(delivered.body()).isLessThan(500);
    }
}

package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.reach.support.Api;
import io.reach.support.ReachTest;

@ReachTest
class ThrottlingTest {

    @Autowired
    Api api;

    @Test
    void repeatedLoginsForOneAccountAreThrottledWithRetryAfter() {
        String email = "target-" + UUID.randomUUID() + "@example.com";
        String body = "{\"email\": \"%s\", \"password\": \"guess guess guess\"}".formatted(email);
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/api/v1/auth/login", null, body).status()).isEqualTo(401);
        }

        var throttled = api.post("/api/v1/auth/login", null, body);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        String otherAccount = "{\"email\": \"other-%s@example.com\", \"password\": \"x\"}".formatted(UUID.randomUUID());
        assertThat(api.post("/api/v1/auth/login", null, otherAccount).status()).isEqualTo(401);
    }

    @Test
    void repeatedResetRequestsAreThrottled() {
        String body = "{\"email\": \"reset-%s@example.com\"}".formatted(UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/password-reset/request", null, body).status()).isEqualTo(202);
        }

        var throttled = api.post("/api/v1/auth/password-reset/request", null, body);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
    }
}

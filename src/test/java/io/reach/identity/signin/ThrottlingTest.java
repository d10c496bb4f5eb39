package io.reach.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Brakes on guessing that slow an attacker without locking the account's owner out. */
@ReachTest
class ThrottlingTest {

    private static final String FORWARDED = "X-Forwarded-For";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    private static String correct(Accounts.SignedIn person) {
        return "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(person.email(), Accounts.PASSWORD);
    }

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
    void anAttackerBrakedAtOneAddressDoesNotKeepTheOwnerOutFromAnother() {
        Accounts.SignedIn ada = accounts.owner();
        String guess = "{\"email\": \"%s\", \"password\": \"guess guess guess\"}".formatted(ada.email());
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/api/v1/auth/login", null, guess, FORWARDED, "203.0.113.66")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(api.post("/api/v1/auth/login", null, guess, FORWARDED, "203.0.113.66")
                        .status())
                .isEqualTo(429);

        var fromElsewhere = api.post("/api/v1/auth/login", null, correct(ada), FORWARDED, "198.51.100.20");

        assertThat(fromElsewhere.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", null, correct(ada), FORWARDED, "203.0.113.66")
                        .status())
                .isEqualTo(429);
    }

    @Test
    void addressesInOneIpv6NetworkShareTheirBrake() {
        Accounts.SignedIn ada = accounts.owner();
        String guess = "{\"email\": \"%s\", \"password\": \"guess guess guess\"}".formatted(ada.email());
        for (int i = 0; i < 10; i++) {
            assertThat(api.post(
                                    "/api/v1/auth/login",
                                    null,
                                    guess,
                                    FORWARDED,
                                    "2001:db8:1:2::" + Integer.toHexString(i + 1))
                            .status())
                    .isEqualTo(401);
        }

        assertThat(api.post("/api/v1/auth/login", null, guess, FORWARDED, "2001:db8:1:2::ff")
                        .status())
                .isEqualTo(429);
        assertThat(api.post("/api/v1/auth/login", null, correct(ada), FORWARDED, "2001:db8:1:3::1")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void distributedGuessingLocksTheAccountUntilItsOwnerFollowsTheMailedLink() {
        Accounts.SignedIn ada = accounts.owner();
        String guess = "{\"email\": \"%s\", \"password\": \"guess guess guess\"}".formatted(ada.email());
        int address = 0;
        int answered = 401;
        while (answered != 429 && address < 30) {
            address++;
            for (int i = 0; i < 10 && answered != 429; i++) {
                answered = api.post("/api/v1/auth/login", null, guess, FORWARDED, "192.0.2." + address)
                        .status();
            }
        }
        assertThat(answered).isEqualTo(429);
        var locked = api.post("/api/v1/auth/login", null, correct(ada), FORWARDED, "198.51.100.77");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("detail").asString()).contains("mail");

        String unlock = TestMailServer.tokenInMail(ada.email(), 2).orElseThrow();
        var unlocked = api.post(
                "/api/v1/auth/unlock", null, "{\"token\": \"%s\"}".formatted(unlock), FORWARDED, "198.51.100.77");

        assertThat(unlocked.status()).isEqualTo(204);
        assertThat(api.post("/api/v1/auth/login", null, correct(ada), FORWARDED, "198.51.100.77")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", null, guess, FORWARDED, "192.0.2.200")
                        .status())
                .isEqualTo(429);
        assertThat(api.post("/api/v1/auth/unlock", null, "{\"token\": \"%s\"}".formatted(unlock))
                        .status())
                .isEqualTo(400);
        Long unlockLinks = owner.with(jdbc -> jdbc.queryForObject(
                "select count(*) from identity.user_tokens where user_id = ? and purpose = 'sign_in_unlock'",
                Long.class,
                ada.userId()));
        assertThat(unlockLinks)
                .as("one link per lock, not one per refused guess")
                .isEqualTo(1);
    }

    @Test
    void aForwardedAddressFromAnUntrustedPeerIsIgnored() {
        String email = "spoof-" + UUID.randomUUID() + "@example.com";
        String body = "{\"email\": \"%s\", \"password\": \"guess guess guess\"}".formatted(email);
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/api/v1/auth/login", null, body, FORWARDED, "203.0.113.1, 127.0.0.1")
                            .status())
                    .isEqualTo(401);
        }

        assertThat(api.post("/api/v1/auth/login", null, body, FORWARDED, "198.51.100.1, 203.0.113.1")
                        .status())
                .isEqualTo(429);
    }

    @Test
    void repeatedResetRequestsAreThrottled() {
        String body = "{\"email\": \"reset-%s@example.com\"}".formatted(UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/password-reset/request", null, body)
                            .status())
                    .isEqualTo(202);
        }

        var throttled = api.post("/api/v1/auth/password-reset/request", null, body);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
    }
}

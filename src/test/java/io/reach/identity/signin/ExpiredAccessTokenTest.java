package io.reach.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.identity.IdentityProperties;
import io.reach.identity.UserPrincipal;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An access token that has run out says so (the client should refresh), unlike one that was never valid. */
@ReachTest
class ExpiredAccessTokenTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    AccessTokens tokens;

    @Autowired
    SigningKeys keys;

    @Autowired
    IdentityProperties properties;

    @Test
    void anExpiredTokenSaysExpiredAndAnUnknownOneSaysInvalid() {
        Accounts.SignedIn ada = accounts.owner();
        UserPrincipal principal = tokens.verify(ada.accessToken()).orElseThrow();
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        String expired = new AccessTokens(keys, properties, yesterday).issue(principal);

        var response = api.get("/api/v1/posts", expired);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("title").asString()).isEqualTo("Expired credentials");
        assertThat(response.json().get("detail").asString()).startsWith("The access token has expired");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");

        String forged = expired.substring(0, expired.length() - 4) + "AAAA";
        var invalid = api.get("/api/v1/posts", forged);
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.json().get("title").asString()).isEqualTo("Invalid credentials");
        assertThat(invalid.json().get("detail").asString()).doesNotContain("expired");
    }
}

package io.reach.social;

import io.reach.social.platform.SocialProvider;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** A LinkedIn adapter that answers at once and publishes nothing, for measuring Reach's own dispatch cost. */
@TestConfiguration(proxyBeanMethods = false)
public class NoOpLinkedIn {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SocialProvider noOpLinkedIn() {
        return new SocialProvider() {
            @Override
            public String platform() {
                return "linkedin";
            }

            @Override
            public boolean isConfigured() {
                return true;
            }

            @Override
            public URI authorizationUrl(String state, String codeChallenge, String redirectUri) {
                return URI.create("http://127.0.0.1/");
            }

            @Override
            public Tokens exchange(String code, String codeVerifier, String redirectUri) {
                return new Tokens("noop", null, null, "");
            }

            @Override
            public Profile profile(String accessToken) {
                return new Profile("noop", "noop", null, null, Map.of());
            }

            @Override
            public Tokens refresh(String refreshToken) {
                return new Tokens("noop", null, null, "");
            }

            @Override
            public String publish(Account account, Publication publication) {
                return "urn:li:share:noop";
            }

            @Override
            public Optional<String> findPublished(Account account, Publication publication, Instant since) {
                return Optional.empty();
            }
        };
    }

    /** The associated data the token columns are sealed with, for tests that write tokens directly. */
    public static String accessTokenAssociatedData(java.util.UUID tenant, java.util.UUID account) {
        return SocialAccounts.associatedData(tenant, account) + ":access";
    }
}

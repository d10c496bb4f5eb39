package io.reach.social.platform.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.ConnectionStore;
import io.reach.platform.connections.InstallationSettings;
import io.reach.social.platform.PlatformMedia;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * A platform's app credentials come from the environment when it sets them, else from what a
 * platform admin stored, read at each use: a stored change applies without a new adapter.
 */
class StoredAppCredentialsTest {

    private final Map<ConnectionKind, Map<String, String>> stored = new ConcurrentHashMap<>();
    private final InstallationSettings settings = new InstallationSettings(
            new MockEnvironment(),
            new StaticListableBeanFactory(
                            Map.of("store", (ConnectionStore) kind -> stored.getOrDefault(kind, Map.of())))
                    .getBeanProvider(ConnectionStore.class),
            Clock.systemUTC());

    @Test
    void storedCredentialsApplyFromTheNextUseWhenTheEnvironmentSetsNone() {
        LinkedInProvider linkedin = provider("", "");
        assertThat(linkedin.isConfigured()).isFalse();

        stored.put(ConnectionKind.SOCIAL_LINKEDIN, Map.of("client_id", "stored-app", "client_secret", "stored-secret"));
        settings.forget(ConnectionKind.SOCIAL_LINKEDIN);

        assertThat(linkedin.isConfigured()).isTrue();
        assertThat(linkedin.authorizationUrl("state", "challenge", "https://reach.example/callback")
                        .toString())
                .contains("client_id=stored-app");

        stored.remove(ConnectionKind.SOCIAL_LINKEDIN);
        settings.forget(ConnectionKind.SOCIAL_LINKEDIN);
        assertThat(linkedin.isConfigured()).isFalse();
    }

    @Test
    void theEnvironmentsCredentialsWin() {
        stored.put(ConnectionKind.SOCIAL_LINKEDIN, Map.of("client_id", "stored-app", "client_secret", "stored-secret"));
        LinkedInProvider linkedin = provider("environment-app", "environment-secret");

        assertThat(linkedin.authorizationUrl("state", "challenge", "https://reach.example/callback")
                        .toString())
                .contains("client_id=environment-app")
                .doesNotContain("stored-app");
    }

    private LinkedInProvider provider(String clientId, String clientSecret) {
        LinkedInProvider provider = new LinkedInProvider(
                clientId,
                clientSecret,
                "https://www.linkedin.com",
                "https://api.linkedin.com",
                Duration.ofSeconds(5),
                Clock.systemUTC(),
                new PlatformMedia(true, 2, Duration.ofMillis(10), Duration.ofSeconds(5)),
                "openid profile email w_member_social");
        provider.readStoredCredentialsFrom(settings);
        return provider;
    }
}

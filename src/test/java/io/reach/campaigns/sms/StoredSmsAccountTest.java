package io.reach.campaigns.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.campaigns.CampaignProperties;
import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.ConnectionStore;
import io.reach.platform.connections.InstallationSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** The SMS account is the environment's when it names one, else the one a platform admin stored, read at each use. */
class StoredSmsAccountTest {

    private final Map<ConnectionKind, Map<String, String>> stored = new ConcurrentHashMap<>();
    private final InstallationSettings settings = new InstallationSettings(
            new MockEnvironment(),
            new StaticListableBeanFactory(
                            Map.of("store", (ConnectionStore) kind -> stored.getOrDefault(kind, Map.of())))
                    .getBeanProvider(ConnectionStore.class),
            Clock.systemUTC());

    @Test
    void aStoredAccountAppliesFromTheNextSendWhenTheEnvironmentNamesNone() {
        SmsAccount account = accountWith(null, null);
        assertThat(account.current()).isEmpty();

        stored.put(
                ConnectionKind.SMS,
                Map.of("account_sid", "ACstored", "auth_token", "stored-token", "base_url", "https://sms.example"));
        settings.forget(ConnectionKind.SMS);

        assertThat(account.current())
                .contains(new SmsAccount.Credentials("ACstored", "stored-token", "https://sms.example"));
    }

    @Test
    void theEnvironmentsAccountWins() {
        stored.put(ConnectionKind.SMS, Map.of("account_sid", "ACstored", "auth_token", "stored-token"));

        assertThat(accountWith("ACenvironment", "environment-token").current())
                .contains(new SmsAccount.Credentials("ACenvironment", "environment-token", "https://api.twilio.com"));
    }

    private SmsAccount accountWith(@Nullable String sid, @Nullable String token) {
        CampaignProperties properties = new CampaignProperties(
                100,
                Duration.ofMinutes(2),
                new CampaignProperties.Email(500, 4, Duration.ofSeconds(10), null),
                new CampaignProperties.Sms(20, 2, "https://api.twilio.com", sid, token, Duration.ofSeconds(10)));
        return new SmsAccount(properties, settings);
    }
}

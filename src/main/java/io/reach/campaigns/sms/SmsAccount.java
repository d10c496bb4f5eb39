package io.reach.campaigns.sms;

import io.reach.campaigns.CampaignProperties;
import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.InstallationSettings;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The SMS provider account to use now: {@code reach.campaigns.sms.*} when the environment sets an
 * account SID, else the one a platform admin stored, else none.
 */
@Component
class SmsAccount {

    /** An account's credentials and the API it is reached at. */
    record Credentials(String accountSid, String authToken, String baseUrl) {}

    private final CampaignProperties properties;
    private final InstallationSettings settings;

    SmsAccount(CampaignProperties properties, InstallationSettings settings) {
        this.properties = properties;
        this.settings = settings;
    }

    Optional<Credentials> current() {
        CampaignProperties.Sms configured = properties.sms();
        String configuredSid = configured.accountSid();
        String configuredToken = configured.authToken();
        if (configuredSid != null && !configuredSid.isBlank()) {
            return configuredToken == null
                    ? Optional.empty()
                    : Optional.of(new Credentials(configuredSid, configuredToken, configured.baseUrl()));
        }
        Map<String, String> stored = settings.stored(ConnectionKind.SMS);
        String sid = stored.get("account_sid");
        String token = stored.get("auth_token");
        return sid == null || token == null
                ? Optional.empty()
                : Optional.of(new Credentials(sid, token, stored.getOrDefault("base_url", configured.baseUrl())));
    }
}

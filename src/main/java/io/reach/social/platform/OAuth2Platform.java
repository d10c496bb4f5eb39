package io.reach.social.platform;

import io.reach.platform.connections.ConnectionKind;
import io.reach.platform.connections.InstallationSettings;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * What every OAuth 2 platform adapter shares: its client credentials and base URLs, and the
 * authorization-code and refresh grants. Each platform says how it sends the grant to its token
 * endpoint ({@link #tokens}). The client credentials are the environment's when set there, else
 * the app credentials a platform admin stored ({@link InstallationSettings}), read at each use.
 */
public abstract class OAuth2Platform implements SocialProvider {

    private final String configuredClientId;
    private final String configuredClientSecret;
    private @Nullable InstallationSettings installation;
    protected final String authBaseUrl;
    protected final RestClient http;
    protected final Clock clock;

    protected OAuth2Platform(
            String clientId,
            String clientSecret,
            String authBaseUrl,
            String apiBaseUrl,
            Duration readTimeout,
            Clock clock) {
        this.configuredClientId = clientId;
        this.configuredClientSecret = clientSecret;
        this.authBaseUrl = authBaseUrl;
        this.http = PlatformHttp.client(apiBaseUrl, readTimeout);
        this.clock = clock;
    }

    /** Lets stored app credentials apply when the environment sets none. */
    @Autowired
    public final void readStoredCredentialsFrom(InstallationSettings installation) {
        this.installation = installation;
    }

    @Override
    public boolean isConfigured() {
        return !clientId().isBlank() && !clientSecret().isBlank();
    }

    /** The app's client id: the environment's, else the stored one, else blank. */
    protected final String clientId() {
        return credential("client_id", configuredClientId);
    }

    /** The app's client secret: the environment's, else the stored one, else blank. */
    protected final String clientSecret() {
        return credential("client_secret", configuredClientSecret);
    }

    private String credential(String field, String configured) {
        InstallationSettings settings = installation;
        if (settings == null || !configuredClientId.isBlank() || !configuredClientSecret.isBlank()) {
            return configured;
        }
        return ConnectionKind.social(platform())
                .map(kind -> settings.stored(kind).getOrDefault(field, ""))
                .orElse("");
    }

    @Override
    public Tokens exchange(String code, String codeVerifier, String redirectUri) {
        return tokens(PlatformHttp.codeGrant(code, codeVerifier, redirectUri));
    }

    @Override
    public Tokens refresh(String refreshToken) {
        return tokens(PlatformHttp.refreshGrant(refreshToken));
    }

    /** Sends a grant to the platform's token endpoint. */
    protected abstract Tokens tokens(LinkedMultiValueMap<String, String> form);

    /** The standard token response ({@code access_token}, {@code expires_in}, {@code refresh_token}, {@code scope}). */
    protected Tokens parsed(String platform, @Nullable JsonNode body) {
        if (body == null || !body.path("access_token").isString()) {
            throw new ProviderRefused(platform, "no access token in its answer");
        }
        long expiresIn = body.path("expires_in").asLong(0);
        return new Tokens(
                body.get("access_token").asString(),
                body.path("refresh_token").isString()
                        ? body.get("refresh_token").asString()
                        : null,
                expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null,
                body.path("scope").asString(""));
    }
}

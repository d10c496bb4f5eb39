package io.reach.social;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One platform's API, as Reach needs it to connect an account: the OAuth 2 authorization URL
 * (with PKCE), the code-for-token exchange and the connected profile. Each adapter speaks its
 * platform's real HTTP shapes against a configurable base URL.
 */
interface SocialProvider {

    String platform();

    boolean isConfigured();

    URI authorizationUrl(String state, String codeChallenge, String redirectUri);

    Tokens exchange(String code, String codeVerifier, String redirectUri);

    Profile profile(String accessToken);

    /** New tokens for a refresh token; the answer may or may not carry a new refresh token. */
    Tokens refresh(String refreshToken);

    /** Publishes a text post as the account; returns the platform's id for it. Throws {@link PlatformError}. */
    String publish(String accessToken, String platformUserId, String text);

    /** The id of a post with this text that the account published since {@code since}, if the platform has one. */
    java.util.Optional<String> findPublished(String accessToken, String platformUserId, String text, Instant since);

    /** The account's current counts, where the platform reports them; empty where it does not. */
    default java.util.Optional<Metrics> metrics(String accessToken) {
        return java.util.Optional.empty();
    }

    record Metrics(long followers, long following, long posts, Map<String, Object> extra) {
    }

    record Tokens(String accessToken, @Nullable String refreshToken, @Nullable Instant expiresAt, String scopes) {
    }

    record Profile(String platformUserId, String handle, @Nullable String displayName, @Nullable String url,
            Map<String, Object> metadata) {
    }
}

package io.reach.social;

import io.reach.platform.crypto.SecretBox;
import io.reach.platform.security.TokenHashes;
import io.reach.platform.time.UtcTimes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The OAuth {@code state} of a connection in progress: tenant, user, platform, the PKCE
 * verifier, an expiry, a random id and the hash of a binding secret, sealed with AEAD, so it
 * cannot be forged, altered or read. It expires after ten minutes.
 *
 * <p>The binding secret goes only to the browser that started the connection (a cookie named
 * after the state's id); the callback is honoured only when that browser presents it, so a
 * consent given in someone else's browser never lands in the starter's workspace (RFC 9700
 * §4.7.1: a one-time CSRF token bound to the user agent). Each state is spent once:
 * {@link #spend} keeps the hash of its id until it would have expired anyway.
 */
@Component
class ConnectionStates {

    static final Duration VALID_FOR = Duration.ofMinutes(10);
    /** The binding cookie's name is this prefix and the state's id. */
    static final String BINDING_COOKIE_PREFIX = "reach_connect_";

    private static final String PURPOSE = "social.oauth_state";
    private static final String PURGE = """
            delete from social.used_oauth_states where tenant_id = :tenant and expires_at < :now""";
    private static final String SPEND = """
            insert into social.used_oauth_states (tenant_id, state_hash, used_at, expires_at)
            values (:tenant, :hash, :now, :expiresAt)
            on conflict do nothing""";

    private final SecretBox box;
    private final JdbcClient jdbc;
    private final Clock clock;

    ConnectionStates(SecretBox box, JdbcClient jdbc, Clock clock) {
        this.box = box;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Pending(
            UUID tenantId,
            UUID userId,
            String platform,
            String codeVerifier,
            Instant expiresAt,
            String id,
            String bindingHash) {

        String bindingCookie() {
            return BINDING_COOKIE_PREFIX + id;
        }

        /** Whether {@code secret} is the binding secret this state was started with (compared in constant time). */
        boolean isBoundTo(@Nullable String secret) {
            return secret != null
                    && MessageDigest.isEqual(
                            TokenHashes.sha256(secret).getBytes(StandardCharsets.US_ASCII),
                            bindingHash.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A sealed state, its PKCE challenge, and the binding cookie (name and secret) for the starting browser. */
    record Started(String state, String codeChallenge, String bindingCookie, String bindingSecret) {}

    Started seal(UUID tenantId, UUID userId, String platform) {
        String verifier = TokenHashes.newToken("");
        String id = TokenHashes.newToken("").substring(0, 22);
        String binding = TokenHashes.newToken("");
        Instant expires = clock.instant().plus(VALID_FOR);
        String plain = String.join(
                "|",
                tenantId.toString(),
                userId.toString(),
                platform,
                verifier,
                Long.toString(expires.getEpochSecond()),
                id,
                TokenHashes.sha256(binding));
        byte[] sealed = box.encrypt(plain.getBytes(StandardCharsets.UTF_8), PURPOSE);
        return new Started(
                Base64.getUrlEncoder().withoutPadding().encodeToString(sealed),
                challenge(verifier),
                BINDING_COOKIE_PREFIX + id,
                binding);
    }

    Optional<Pending> open(String state) {
        try {
            String plain =
                    new String(box.decrypt(Base64.getUrlDecoder().decode(state), PURPOSE), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|");
            Pending pending = new Pending(
                    UUID.fromString(parts[0]),
                    UUID.fromString(parts[1]),
                    parts[2],
                    parts[3],
                    Instant.ofEpochSecond(Long.parseLong(parts[4])),
                    parts[5],
                    parts[6]);
            return pending.expiresAt().isAfter(clock.instant()) ? Optional.of(pending) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Marks the state used, in the current (its tenant's) transaction; false when it already was.
     * Used states past their expiry are forgotten here too: they could not be opened any more.
     */
    boolean spend(Pending pending) {
        Instant now = clock.instant();
        jdbc.sql(PURGE)
                .param("tenant", pending.tenantId())
                .param("now", UtcTimes.utc(now))
                .update();
        return jdbc.sql(SPEND)
                        .param("tenant", pending.tenantId())
                        .param("hash", TokenHashes.sha256(pending.id()))
                        .param("now", UtcTimes.utc(now))
                        .param("expiresAt", UtcTimes.utc(pending.expiresAt()))
                        .update()
                == 1;
    }

    /** RFC 7636 S256: base64url(SHA-256(verifier)). */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.reach.social;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.reach.platform.crypto.SecretBox;
import io.reach.platform.security.TokenHashes;

/**
 * The OAuth {@code state} of a connection in progress: tenant, user, platform, the PKCE
 * verifier and an expiry, sealed with AEAD, so it cannot be forged, altered or read, and needs
 * no table. It expires after ten minutes.
 */
@Component
class ConnectionStates {

    static final Duration VALID_FOR = Duration.ofMinutes(10);
    private static final String PURPOSE = "social.oauth_state";

    private final SecretBox box;
    private final Clock clock;

    ConnectionStates(SecretBox box, Clock clock) {
        this.box = box;
        this.clock = clock;
    }

    record Pending(UUID tenantId, UUID userId, String platform, String codeVerifier, Instant expiresAt) {
    }

    record Started(String state, String codeChallenge) {
    }

    Started seal(UUID tenantId, UUID userId, String platform) {
        String verifier = TokenHashes.newToken("");
        Instant expires = clock.instant().plus(VALID_FOR);
        String plain = String.join("|", tenantId.toString(), userId.toString(), platform, verifier,
                Long.toString(expires.getEpochSecond()));
        byte[] sealed = box.encrypt(plain.getBytes(StandardCharsets.UTF_8), PURPOSE);
        return new Started(Base64.getUrlEncoder().withoutPadding().encodeToString(sealed), challenge(verifier));
    }

    Optional<Pending> open(String state) {
        try {
            String plain = new String(box.decrypt(Base64.getUrlDecoder().decode(state), PURPOSE), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|");
            Pending pending = new Pending(UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[2], parts[3],
                    Instant.ofEpochSecond(Long.parseLong(parts[4])));
            return pending.expiresAt().isAfter(clock.instant()) ? Optional.of(pending) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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

package io.reach.identity.clerk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Svix webhook signatures, as Clerk sends them: {@code svix-signature} holds space-separated
 * {@code v1,<base64 HMAC-SHA256>} entries over {@code <svix-id>.<svix-timestamp>.<body>}, keyed
 * with the base64 secret after {@code whsec_}. Deliveries more than five minutes off are refused.
 */
final class SvixSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    SvixSignature(String secret) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        this.key = Base64.getDecoder().decode(encoded);
    }

    enum Verdict {
        VALID,
        BAD_SIGNATURE,
        STALE,
        MALFORMED
    }

    Verdict verify(
            @Nullable String id, @Nullable String timestamp, @Nullable String signatures, String body, Instant now) {
        if (id == null || timestamp == null || signatures == null || id.isBlank()) {
            return Verdict.MALFORMED;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        long current = now.getEpochSecond();
        if (seconds < current - TOLERANCE.toSeconds() || seconds > current + TOLERANCE.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] expected = sign(id, timestamp.strip(), body);
        for (String entry : signatures.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1") && matches(expected, entry.substring(comma + 1))) {
                return Verdict.VALID;
            }
        }
        return Verdict.BAD_SIGNATURE;
    }

    String signatureFor(String id, String timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(sign(id, timestamp, body));
    }

    private byte[] sign(String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(byte[] expected, String candidate) {
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

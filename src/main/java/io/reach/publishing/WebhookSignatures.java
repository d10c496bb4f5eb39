package io.reach.publishing;

import java.util.Base64;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import io.reach.platform.crypto.Hmacs;

/**
 * The platforms' webhook signatures: Meta's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of
 * the body with the app secret>}, X's {@code x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256
 * of the body with the consumer secret>} and X's CRC answer.
 */
final class WebhookSignatures {

    private WebhookSignatures() {
    }

    static boolean metaValid(String appSecret, String body, @Nullable String header) {
        return header != null && header.startsWith("sha256=")
                && constantTimeEquals(HexFormat.of().formatHex(hmac(appSecret, body)), header.substring(7).toLowerCase());
    }

    static boolean xValid(String consumerSecret, String body, @Nullable String header) {
        return header != null && header.startsWith("sha256=")
                && constantTimeEquals(Base64.getEncoder().encodeToString(hmac(consumerSecret, body)), header.substring(7));
    }

    /** X's challenge-response check: {@code sha256=<base64 HMAC-SHA256 of crc_token>}. */
    static String xCrcResponse(String consumerSecret, String crcToken) {
        return "sha256=" + Base64.getEncoder().encodeToString(hmac(consumerSecret, crcToken));
    }

    private static byte[] hmac(String secret, String message) {
        return Hmacs.sha256(secret, message);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return Hmacs.constantTimeEquals(a, b);
    }
}

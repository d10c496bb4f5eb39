package io.reach.publishing.automation;

import io.reach.platform.crypto.Hmacs;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The platforms' webhook signatures: Meta's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of
 * the body with the app secret>}, X's {@code x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256
 * of the body with the consumer secret>} and X's CRC answer.
 *
 * <p>X signs events and CRC challenges with the same key and the same function, so an endpoint
 * that answered any {@code crc_token} would sign any body for whoever asked. The two can never
 * meet here: a CRC token is base64-shaped (no braces, quotes or spaces) and an event body is a
 * JSON object, so no CRC answer is ever the signature of an acceptable body.
 */
final class WebhookSignatures {

    private WebhookSignatures() {}

    static boolean metaValid(String appSecret, String body, @Nullable String header) {
        return header != null
                && header.startsWith("sha256=")
                && constantTimeEquals(
                        HexFormat.of().formatHex(hmac(appSecret, body)),
                        header.substring(7).toLowerCase());
    }

    static boolean xValid(String consumerSecret, String body, @Nullable String header) {
        return header != null
                && header.startsWith("sha256=")
                && constantTimeEquals(
                        Base64.getEncoder().encodeToString(hmac(consumerSecret, body)), header.substring(7));
    }

    private static final Pattern CRC_TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{1,256}");

    /** Whether {@code token} has the shape of X's CRC tokens (base64 or base64url, at most 256 characters). */
    static boolean xCrcTokenShaped(String token) {
        return CRC_TOKEN.matcher(token).matches();
    }

    /** Whether {@code body} can be an event: a JSON object (the first non-blank character is a brace). */
    static boolean isJsonObject(String body) {
        String text = body.stripLeading();
        return text.startsWith("{");
    }

    /** X's challenge-response check: {@code sha256=<base64 HMAC-SHA256 of crc_token>}. */
    static String xCrcResponse(String consumerSecret, String crcToken) {
        if (!xCrcTokenShaped(crcToken)) {
            throw new IllegalArgumentException("Not a CRC token; answering it would sign an arbitrary message");
        }
        return "sha256=" + Base64.getEncoder().encodeToString(hmac(consumerSecret, crcToken));
    }

    private static byte[] hmac(String secret, String message) {
        return Hmacs.sha256(secret, message);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return Hmacs.constantTimeEquals(a, b);
    }
}

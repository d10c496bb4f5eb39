package io.reach.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook bodies the way Meta and X do, with the secrets of application-test.properties (computed here, independently). */
public final class WebhookSigning {

    public static final String META_SECRET = "meta-test-secret";
    public static final String X_SECRET = "x-test-secret";
    public static final String CLERK_SECRET = "reach-test-clerk-webhook-secret!";

    private WebhookSigning() {}

    /** Meta's {@code X-Hub-Signature-256}: hex HMAC-SHA256 of the body. */
    public static String meta(String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(META_SECRET, body));
    }

    /** X's {@code x-twitter-webhooks-signature} (and CRC response): base64 HMAC-SHA256. */
    public static String x(String message) {
        return "sha256=" + Base64.getEncoder().encodeToString(hmac(X_SECRET, message));
    }

    /** Clerk's (Svix's) {@code svix-signature} for a delivery: {@code v1,<base64 HMAC-SHA256 of "id.seconds.body">}. */
    public static String clerk(String id, long seconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(CLERK_SECRET, id + "." + seconds + "." + body));
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

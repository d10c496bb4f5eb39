package io.reach.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMACs for webhook signatures, and the constant-time comparison that checking them needs. */
public final class Hmacs {

    private Hmacs() {}

    public static byte[] sha256(String secret, String message) {
        return mac("HmacSHA256", secret, message.getBytes(StandardCharsets.UTF_8));
    }

    /** Over the bytes as received: a body is signed as bytes, and decoding it first would change what is checked. */
    public static byte[] sha256(String secret, byte[] message) {
        return mac("HmacSHA256", secret, message);
    }

    public static byte[] sha1(String secret, String message) {
        return mac("HmacSHA1", secret, message.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(String algorithm, String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.reach.podcasts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A podcast's {@code podcast:guid} (Podcasting 2.0): a UUID version 5 (RFC 9562, SHA-1) of the feed's
 * address with its scheme and trailing slashes stripped, in the namespace
 * {@code ead4c236-bf58-58c6-a2c6-a6b28d128cb6}. The JDK makes only version 3 (MD5) name-based
 * UUIDs, so this makes version 5 itself; a feed that declares its own guid keeps it.
 * Source: Podcastindex-org/podcast-namespace, docs/tags/guid.md.
 */
public final class PodcastGuid {

    static final UUID NAMESPACE = UUID.fromString("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

    private PodcastGuid() {}

    /** The guid of a feed at this address ({@code https://podnews.net/rss/} and {@code podnews.net/rss} give the same). */
    public static UUID of(String feedUrl) {
        String name =
                feedUrl.strip().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "").replaceFirst("/+$", "");
        return version5(NAMESPACE, name);
    }

    static UUID version5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits())
                    .array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is in every JDK", e);
        }
    }
}

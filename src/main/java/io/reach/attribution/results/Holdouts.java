package io.reach.attribution.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Which households a campaign holds out: the first eight bytes of SHA-256 over the campaign id and
 * the household (or visitor) key, read as a fraction of 2^64, below the campaign's holdout share.
 * Deterministic: the same household is always in the same group of the same campaign, and the groups
 * of two campaigns are independent.
 */
final class Holdouts {

    private Holdouts() {}

    static boolean heldOut(UUID campaign, String key, double share) {
        return share > 0 && fraction(campaign, key) < share;
    }

    static double fraction(UUID campaign, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(campaign.toString().getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            byte[] hash = sha.digest(key.getBytes(StandardCharsets.UTF_8));
            long high = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (hash[i] & 0xff);
            }
            return (high >>> 11) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package io.reach.campaigns;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person (not a machine) clicked a tracked link of a campaign's e-mail, published inside the
 * transaction that records the click. {@code visitor} is {@code email:} and the SHA-256 (hex) of the
 * lower-cased address: a conversion sent with the same visitor key is matched to the click without
 * the address ever leaving the campaigns module.
 */
public record EmailLinkClicked(
        UUID tenantId,
        UUID campaignId,
        UUID emailCampaignId,
        String visitor,
        @Nullable String clientAddress,
        @Nullable String userAgent,
        @Nullable String url,
        Instant at) {

    /** The visitor key of an e-mail address: {@code email:} + SHA-256 hex of its lower-cased form. */
    public static String visitorOf(String email) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(email.strip()
                            .toLowerCase(java.util.Locale.ROOT)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "email:" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package io.reach.campaigns;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What other modules may ask the campaigns module about the current tenant's campaigns. */
@Service
public class CampaignDirectory {

    private final Campaigns campaigns;

    CampaignDirectory(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * Whether the current tenant has this campaign; another tenant's campaign is as unknown as one
     * that never existed. Runs in the caller's tenant transaction.
     */
    public boolean exists(UUID campaignId) {
        return campaigns.find(campaignId).isPresent();
    }

    /** A campaign by name, for pickers in other modules' pages. */
    public record CampaignName(UUID id, String name) {}

    /** The current tenant's newest campaigns (at most 200), in the caller's tenant transaction. */
    public java.util.List<CampaignName> names() {
        return campaigns.page(new UUID(-1L, -1L), 200, null, null).stream()
                .map(campaign ->
                        new CampaignName(campaign.id(), campaign.brief().name()))
                .toList();
    }

    /** When a campaign runs (either end may be open), if the current tenant has it. */
    public record CampaignDates(
            @Nullable Instant start, @Nullable Instant end) {}

    /** The campaign's start and end, in the caller's tenant transaction. */
    public Optional<CampaignDates> dates(UUID campaignId) {
        return campaigns
                .find(campaignId)
                .map(campaign -> new CampaignDates(
                        campaign.schedule().start(), campaign.schedule().end()));
    }

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
}

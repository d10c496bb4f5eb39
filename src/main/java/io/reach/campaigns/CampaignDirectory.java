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
}

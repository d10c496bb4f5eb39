package io.reach.campaigns;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What {@code campaigns.analytics} asks of a campaign, so that the campaigns repository stays the
 * root's own: its name and status for the performance view. Runs in the caller's tenant transaction.
 */
@Component
public class CampaignsForAnalytics {

    private final Campaigns campaigns;

    CampaignsForAnalytics(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** A campaign's name and status code. */
    public record Headline(String name, String status) {}

    /** The campaign's name and status; a 404 when the tenant has no such campaign. */
    public Headline headline(UUID id) {
        Campaign campaign = campaigns.get(id);
        return new Headline(campaign.brief().name(), campaign.status().code());
    }
}

package io.reach.campaigns;

import java.util.UUID;
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
}

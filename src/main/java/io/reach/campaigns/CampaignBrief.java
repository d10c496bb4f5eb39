package io.reach.campaigns;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a campaign is called, what it is about and who sponsors it. */
record CampaignBrief(
        String name, @Nullable String description, @Nullable UUID sponsorId) {}

package io.reach.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's details as a caller gives them, to create a campaign or replace them. The stage stays a
 * code: {@link CampaignManagement} reads it where the rules have been checked in the order the API answers.
 */
record EditCampaign(
        String name,
        @Nullable String description,
        @Nullable UUID sponsorId,
        @Nullable Instant startDate,
        @Nullable Instant endDate,
        @Nullable BigDecimal budgetAllocated,
        @Nullable String currency,
        @Nullable String stage,
        @Nullable JsonNode targetAudience,
        @Nullable JsonNode campaignSettings) {

    CampaignBrief brief() {
        return new CampaignBrief(name, description, sponsorId);
    }

    /** The dates, checked: the end is not before the start (400 on {@code end_date}). */
    Schedule schedule() {
        return new Schedule(startDate, endDate);
    }

    /** The audience and settings, checked: known settings only, objects of moderate size. */
    CampaignSetup setup() {
        return new CampaignSetup(
                CampaignSettings.audience(targetAudience), CampaignSettings.settings(campaignSettings));
    }
}

package io.reach.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.reach.platform.web.ConflictException;
import tools.jackson.databind.JsonNode;

/** A campaign as stored in {@code campaigns.campaigns}, with its guarded status and stage changes. */
record Campaign(UUID id, @Nullable UUID sponsorId, String name, @Nullable String description, CampaignStatus status,
        CampaignStage stage, Instant stageChangedAt, @Nullable Instant startDate, @Nullable Instant endDate,
        BigDecimal budgetAllocated, BigDecimal budgetSpent, String currency, JsonNode targetAudience,
        JsonNode campaignSettings, UUID createdBy, Instant createdAt, Instant updatedAt) {

    Campaign moveTo(CampaignStatus next, Instant now) {
        return new Campaign(id, sponsorId, name, description, status.requireMove(next), stage, stageChangedAt, startDate, endDate,
                budgetAllocated, budgetSpent, currency, targetAudience, campaignSettings, createdBy, createdAt, now);
    }

    Campaign enterStage(CampaignStage next, Instant now) {
        if (status == CampaignStatus.ARCHIVED) {
            throw new ConflictException("Not allowed now", "An archived campaign keeps its stage");
        }
        return next == stage ? this : new Campaign(id, sponsorId, name, description, status, next, now, startDate,
                endDate, budgetAllocated, budgetSpent, currency, targetAudience, campaignSettings, createdBy, createdAt, now);
    }

    void requireEditable() {
        if (status == CampaignStatus.ARCHIVED || status == CampaignStatus.COMPLETED) {
            throw new ConflictException("Not allowed now", "A " + status.code() + " campaign cannot be changed");
        }
    }

    /** Messages may go out only while the campaign is active and inside its dates. */
    void requireSending(Instant now) {
        if (!status.sends()) {
            throw new ConflictException("Campaign not active", "Activate the campaign before sending (it is "
                    + status.code() + ")");
        }
        if (endDate != null && now.isAfter(endDate)) {
            throw new ConflictException("Campaign ended", "The campaign ended at " + endDate);
        }
    }

    /** What one message costs against the budget: {@code campaign_settings.cost_per_email} / {@code cost_per_sms}. */
    BigDecimal costPer(String channel) {
        JsonNode cost = campaignSettings.path("cost_per_" + channel);
        return cost.isNumber() ? cost.decimalValue() : BigDecimal.ZERO;
    }
}

package io.reach.campaigns;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A campaign as the API answers it: the aggregate's parts laid flat, as the wire has always had them. */
@Schema(name = "Campaign")
record CampaignView(
        UUID id,
        @Nullable UUID sponsorId,
        String name,
        @Nullable String description,
        CampaignStatus status,
        CampaignStage stage,
        Instant stageChangedAt,
        @Nullable Instant startDate,
        @Nullable Instant endDate,
        BigDecimal budgetAllocated,
        BigDecimal budgetSpent,
        String currency,
        JsonNode targetAudience,
        JsonNode campaignSettings,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static CampaignView of(Campaign c) {
        return new CampaignView(
                c.id(),
                c.brief().sponsorId(),
                c.brief().name(),
                c.brief().description(),
                c.status(),
                c.stage().stage(),
                c.stage().since(),
                c.schedule().start(),
                c.schedule().end(),
                c.budget().allocated(),
                c.budget().spent(),
                c.budget().currency(),
                c.setup().targetAudience(),
                c.setup().settings(),
                c.authorship().createdBy(),
                c.authorship().createdAt(),
                c.authorship().updatedAt());
    }
}

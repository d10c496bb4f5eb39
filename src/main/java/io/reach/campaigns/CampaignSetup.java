package io.reach.campaigns;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Whom a campaign targets and how it sends ({@link CampaignSettings} checks both as they are given). */
record CampaignSetup(JsonNode targetAudience, JsonNode settings) {

    static CampaignSetup checked(@Nullable JsonNode targetAudience, @Nullable JsonNode settings) {
        return new CampaignSetup(CampaignSettings.audience(targetAudience), CampaignSettings.settings(settings));
    }

    /** What one message costs against the budget: {@code cost_per_email} / {@code cost_per_sms}. */
    BigDecimal costPer(String channel) {
        JsonNode cost = settings.path("cost_per_" + channel);
        return cost.isNumber() ? cost.decimalValue() : BigDecimal.ZERO;
    }
}

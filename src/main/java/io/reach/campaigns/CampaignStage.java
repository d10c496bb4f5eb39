package io.reach.campaigns;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import io.reach.platform.web.Codes;

/** Mirrors the stage check of {@code campaigns.campaigns}: where a (sponsorship) deal stands; any stage may follow any. */
@CheckSet(table = "campaigns.campaigns", column = "stage")
@CheckSet(table = "campaigns.stage_changes", column = "from_stage")
@CheckSet(table = "campaigns.stage_changes", column = "to_stage")
enum CampaignStage {
    PLANNING,
    PROPOSAL,
    NEGOTIATION,
    BOOKED,
    LIVE,
    REPORTING,
    CLOSED;

    @JsonValue
    String code() {
        return name().toLowerCase();
    }

    static CampaignStage ofCode(String code) {
        return Codes.of(CampaignStage.class, code, "stage");
    }
}

package io.reach.campaigns;

import com.fasterxml.jackson.annotation.JsonValue;

/** Mirrors the stage check of {@code campaigns.campaigns}: where a (sponsorship) deal stands; any stage may follow any. */
enum CampaignStage {
    PLANNING, PROPOSAL, NEGOTIATION, BOOKED, LIVE, REPORTING, CLOSED;

    @JsonValue
    String code() {
        return name().toLowerCase();
    }

    static CampaignStage ofCode(String code) {
        return Codes.of(CampaignStage.class, code, "stage");
    }
}

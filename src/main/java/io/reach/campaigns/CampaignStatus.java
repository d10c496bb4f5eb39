package io.reach.campaigns;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import io.reach.platform.state.Transitions;
import io.reach.platform.web.Codes;

/** Mirrors the status check of {@code campaigns.campaigns}, with the moves each status allows. */
@CheckSet(table = "campaigns.campaigns", column = "status")
enum CampaignStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    COMPLETED,
    ARCHIVED;

    private static final Transitions<CampaignStatus> MOVES = Transitions.of(CampaignStatus.class, "campaign")
            .allow(DRAFT, ACTIVE, ARCHIVED)
            .allow(ACTIVE, PAUSED, COMPLETED)
            .allow(PAUSED, ACTIVE, COMPLETED, ARCHIVED)
            .allow(COMPLETED, ARCHIVED)
            .build();

    boolean canMoveTo(CampaignStatus next) {
        return MOVES.allows(this, next);
    }

    /** {@code next}, or the refusal of the move (409): "A draft campaign cannot become paused". */
    CampaignStatus requireMove(CampaignStatus next) {
        return MOVES.require(this, next);
    }

    /** Whether messages may go out under a campaign in this status. */
    boolean sends() {
        return this == ACTIVE;
    }

    @JsonValue
    String code() {
        return name().toLowerCase();
    }

    static CampaignStatus ofCode(String code) {
        return Codes.of(CampaignStatus.class, code, "status");
    }
}

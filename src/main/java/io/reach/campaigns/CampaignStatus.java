package io.reach.campaigns;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import io.reach.platform.CheckSet;

/** Mirrors the status check of {@code campaigns.campaigns}, with the moves each status allows. */
@CheckSet(table = "campaigns.campaigns", column = "status")
enum CampaignStatus {
    DRAFT, ACTIVE, PAUSED, COMPLETED, ARCHIVED;

    private static final Map<CampaignStatus, Set<CampaignStatus>> NEXT = Map.of(
            DRAFT, Set.of(ACTIVE, ARCHIVED),
            ACTIVE, Set.of(PAUSED, COMPLETED),
            PAUSED, Set.of(ACTIVE, COMPLETED, ARCHIVED),
            COMPLETED, Set.of(ARCHIVED),
            ARCHIVED, Set.of());

    boolean canMoveTo(CampaignStatus next) {
        return NEXT.get(this).contains(next);
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

package io.reach.campaigns;

import java.time.Instant;

/** The stage a campaign is in and since when; any stage may follow any other. */
record CurrentStage(CampaignStage stage, Instant since) {

    /** {@code next} from {@code now}, or this when the campaign is already in it (the date stays). */
    CurrentStage enter(CampaignStage next, Instant now) {
        return next == stage ? this : new CurrentStage(next, now);
    }
}

package io.reach.campaigns;

import io.reach.platform.web.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A campaign as stored in {@code campaigns.campaigns}: its brief, status, stage, schedule, budget,
 * setup and authorship. Status and stage change only through the guarded moves here; the API's
 * flat shape is {@link CampaignView}.
 */
record Campaign(
        UUID id,
        CampaignBrief brief,
        CampaignStatus status,
        CurrentStage stage,
        Schedule schedule,
        Budget budget,
        CampaignSetup setup,
        Authorship authorship) {

    /** A new draft, in {@code stage} from now. */
    static Campaign draft(
            UUID id,
            CampaignBrief brief,
            CampaignStage stage,
            Schedule schedule,
            Budget budget,
            CampaignSetup setup,
            UUID by,
            Instant now) {
        return new Campaign(
                id,
                brief,
                CampaignStatus.DRAFT,
                new CurrentStage(stage, now),
                schedule,
                budget,
                setup,
                new Authorship(by, now, now));
    }

    /** The move to {@code next} if the status table allows it; a readable 409 otherwise. */
    Campaign moveTo(CampaignStatus next, Instant now) {
        return new Campaign(
                id, brief, status.requireMove(next), stage, schedule, budget, setup, authorship.touched(now));
    }

    Campaign enterStage(CampaignStage next, Instant now) {
        if (status == CampaignStatus.ARCHIVED) {
            throw new ConflictException("Not allowed now", "An archived campaign keeps its stage");
        }
        return next == stage.stage()
                ? this
                : new Campaign(
                        id, brief, status, stage.enter(next, now), schedule, budget, setup, authorship.touched(now));
    }

    /**
     * New details (not status, stage history or spend) for a campaign that may still change: the
     * budget never below what is spent, the currency kept unless another is given.
     */
    Campaign edit(EditCampaign details, Instant now) {
        requireEditable();
        Budget reallocated = budget.reallocated(details.budgetAllocated(), details.currency());
        Campaign staged = details.stage() == null ? this : enterStage(CampaignStage.ofCode(details.stage()), now);
        return new Campaign(
                id,
                details.brief(),
                status,
                staged.stage(),
                details.schedule(),
                reallocated,
                details.setup(),
                authorship.touched(now));
    }

    void requireEditable() {
        if (status == CampaignStatus.ARCHIVED || status == CampaignStatus.COMPLETED) {
            throw new ConflictException("Not allowed now", "A " + status.code() + " campaign cannot be changed");
        }
    }

    /** Retailers join an active or paused campaign only. */
    void requireJoinable() {
        if (status != CampaignStatus.ACTIVE && status != CampaignStatus.PAUSED) {
            throw new ConflictException(
                    "Not allowed now",
                    "Only active or paused campaigns can be joined (this one is " + status.code() + ")");
        }
    }

    /** Messages may go out only while the campaign is active and inside its dates. */
    void requireSending(Instant now) {
        if (!status.sends()) {
            throw new ConflictException(
                    "Campaign not active", "Activate the campaign before sending (it is " + status.code() + ")");
        }
        if (schedule.endedBy(now)) {
            throw new ConflictException("Campaign ended", "The campaign ended at " + schedule.end());
        }
    }

    /** What one message costs against the budget: {@code campaign_settings.cost_per_email} / {@code cost_per_sms}. */
    BigDecimal costPer(String channel) {
        return setup.costPer(channel);
    }
}

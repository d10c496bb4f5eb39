package io.reach.campaigns;

import io.reach.campaigns.sending.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What {@code campaigns.sending} asks of the campaign a message campaign runs under, so that the
 * campaigns, budgets and participants repositories stay the root's own: whether it may still change,
 * whether it sends now, whether a retailer joined it, and the budget its messages spend. Runs in the
 * caller's tenant transaction.
 */
@Component
public class CampaignsForSending {

    private final Campaigns campaigns;
    private final Budgets budgets;
    private final Participants participants;

    CampaignsForSending(Campaigns campaigns, Budgets budgets, Participants participants) {
        this.campaigns = campaigns;
        this.budgets = budgets;
        this.participants = participants;
    }

    /** What a run of a message campaign needs to know of its campaign when it starts. */
    public record SendingTerms(UUID campaignId, boolean sends, String status, BigDecimal cost) {}

    /** Refuses (409) a message campaign under a campaign that is completed or archived (404 when unknown). */
    public void requireEditable(UUID campaign) {
        campaigns.get(campaign).requireEditable();
    }

    /** Refuses (409) sending under a campaign that is not active or whose schedule ended. */
    public void requireSending(UUID campaign, Instant now) {
        campaigns.get(campaign).requireSending(now);
    }

    public boolean joined(UUID campaign, UUID retailer) {
        return participants.joined(campaign, retailer);
    }

    /** Whether the campaign sends now, its status and what one message of {@code channel} costs. */
    public SendingTerms terms(UUID campaign, Channel channel) {
        Campaign parent = campaigns.get(campaign);
        return new SendingTerms(
                parent.id(), parent.status().sends(), parent.status().code(), parent.costPer(channel.code()));
    }

    /** Reserves the cost of up to {@code wanted} messages; answers how many the budget covers. */
    public int reserve(UUID campaign, Channel channel, BigDecimal cost, int wanted) {
        return budgets.reserve(campaign, channel, cost, wanted);
    }

    /** Gives back what messages that did not go out had reserved. */
    public void refund(UUID campaign, BigDecimal cost, int messages) {
        budgets.refund(campaign, cost, messages);
    }
}

package io.reach.campaigns.sending;

import io.reach.campaigns.templates.TemplateUsage;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What follows from messages going out: the template's reach and the sending retailer's count. */
@Component
public class SendEffects {

    private final ChannelCampaigns channelCampaigns;
    private final TemplateUsage usage;
    private final Clock clock;

    SendEffects(ChannelCampaigns channelCampaigns, TemplateUsage usage, Clock clock) {
        this.channelCampaigns = channelCampaigns;
        this.usage = usage;
        this.clock = clock;
    }

    /** Runs in the caller's transaction; {@code campaign} is the header its run read when it started. */
    void delivered(ChannelCampaigns.Header campaign, List<SendOutcome> outcomes) {
        List<String> reached = outcomes.stream()
                .filter(o -> !o.failed())
                .map(SendOutcome::address)
                .toList();
        if (reached.isEmpty()) {
            return;
        }
        if (campaign.templateId() != null) {
            usage.reached(campaign.templateId(), campaign.retailerId(), reached, clock.instant());
        }
    }

    /** A recipient clicked through: a conversion of the campaign's template. Runs in the caller's transaction. */
    public void converted(Channel channel, UUID campaign, String address) {
        ChannelCampaigns.Header header = channelCampaigns.header(channel, campaign);
        if (header.templateId() != null) {
            usage.converted(header.templateId(), address, clock.instant());
        }
    }
}

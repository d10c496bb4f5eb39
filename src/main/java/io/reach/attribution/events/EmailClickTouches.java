package io.reach.attribution.events;

import io.reach.campaigns.CampaignDirectory.EmailLinkClicked;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.podcasts.Households;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A person's click in a campaign's e-mail becomes a touch (channel {@code email}, source
 * {@code email_click}) of the campaign, keyed by the recipient's visitor key and the client's
 * household key, written in the transaction that records the click: both are stored, or neither.
 */
@Component
class EmailClickTouches {

    private final EventStore store;
    private final Households households;
    private final Ids ids;

    EmailClickTouches(EventStore store, Households households, Ids ids) {
        this.store = store;
        this.households = households;
        this.ids = ids;
    }

    @EventListener
    void clicked(EmailLinkClicked click) {
        InetAddress address = Households.parse(click.clientAddress());
        String agent = click.userAgent();
        IncomingEvent touch = IncomingEvent.touch(click.at(), "email", click.campaignId())
                .visitor(click.visitor())
                .browser(null, Map.of(), agent == null ? null : agent.substring(0, Math.min(1024, agent.length())))
                .metadata(Map.of("email_campaign_id", click.emailCampaignId().toString()))
                .event();
        store.store(
                List.of(new EventStore.Stored(
                        ids.next(),
                        touch,
                        EventSource.EMAIL_CLICK,
                        address == null ? null : households.keyOf(TenantId.of(click.tenantId()), address))),
                click.at());
    }
}

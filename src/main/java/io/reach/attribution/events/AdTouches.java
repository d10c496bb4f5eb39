package io.reach.attribution.events;

import io.reach.platform.ids.Ids;
import io.reach.podcasts.AdDeliveries;
import io.reach.podcasts.DownloadsCounted;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ads delivered inside counted downloads, as touches (channel {@code podcast}, source
 * {@code ad_delivered}, with the download's listener and household keys, the episode, podcast and the
 * ad's campaign and sponsor). Derived from a counted day and replaced whenever the day is counted
 * again — synchronously, in the transaction that writes the day's downloads, so the touches and the
 * downloads they come from never disagree.
 */
@Component
class AdTouches {

    static final String CHANNEL = "podcast";

    private final AdDeliveries deliveries;
    private final EventStore store;
    private final Ids ids;
    private final Clock clock;

    AdTouches(AdDeliveries deliveries, EventStore store, Ids ids, Clock clock) {
        this.deliveries = deliveries;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    @EventListener
    void on(DownloadsCounted counted) {
        store.deleteDerived(EventSource.AD_DELIVERED, counted.day());
        List<EventStore.Stored> touches = deliveries.on(counted.day()).stream()
                .map(ad -> new EventStore.Stored(
                        ids.next(),
                        IncomingEvent.touch(ad.at(), CHANNEL, ad.campaign())
                                .podcast(ad.podcast(), ad.episode(), ad.sponsor())
                                .event(),
                        EventSource.AD_DELIVERED,
                        ad.household(),
                        ad.listener(),
                        ad.booking() == null
                                ? Map.of("ad_unit_id", ad.adUnit().toString())
                                : Map.of(
                                        "ad_unit_id",
                                        ad.adUnit().toString(),
                                        "io_booking_id",
                                        ad.booking().toString())))
                .toList();
        store.store(touches, clock.instant());
    }
}

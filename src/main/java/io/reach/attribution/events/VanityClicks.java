package io.reach.attribution.events;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.podcasts.Households;
import io.reach.podcasts.Sponsorships;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A click on a booking's vanity address: recorded as a touch of the booking's sponsor, campaign and
 * podcast (channel {@code vanity_url}, source {@code vanity_click}) with the household key of the
 * client and no address, then sent on to the landing page.
 */
@Service
class VanityClicks {

    private final TenantDirectory tenants;
    private final TenantTransactions transactions;
    private final Sponsorships sponsorships;
    private final Households households;
    private final EventStore store;
    private final Ids ids;
    private final Clock clock;

    VanityClicks(
            TenantDirectory tenants,
            TenantTransactions transactions,
            Sponsorships sponsorships,
            Households households,
            EventStore store,
            Ids ids,
            Clock clock) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.sponsorships = sponsorships;
        this.households = households;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    /** Where the click goes, recording it (when {@code record}); empty when the workspace or slug is unknown. */
    Optional<String> follow(
            String workspace,
            String slug,
            @Nullable String client,
            @Nullable String userAgent,
            @Nullable String referrer,
            boolean record) {
        Optional<TenantId> tenant = tenants.activeBySlug(workspace);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        return transactions.inTransactionAs(
                tenant.get(),
                () -> sponsorships.vanity(slug).map(target -> {
                    InetAddress address = Households.parse(client);
                    if (record && address != null) {
                        Instant now = clock.instant();
                        Sponsorships.BookingRef booking = target.booking();
                        IncomingEvent touch = IncomingEvent.touch(now, "vanity_url", booking.campaign())
                                .podcast(booking.podcast(), null, booking.sponsor())
                                .browser(referrer, Map.of("utm_campaign", slug), userAgent)
                                .metadata(Map.of(
                                        "io_booking_id", booking.booking().toString()))
                                .event();
                        store.store(
                                List.of(new EventStore.Stored(
                                        ids.next(),
                                        touch,
                                        EventSource.VANITY_CLICK,
                                        households.keyOf(tenant.get(), address),
                                        null,
                                        Map.of(
                                                "io_booking_id",
                                                booking.booking().toString()))),
                                now);
                    }
                    return target.location();
                }));
    }
}

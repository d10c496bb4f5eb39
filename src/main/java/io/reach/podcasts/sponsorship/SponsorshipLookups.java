package io.reach.podcasts.sponsorship;

import io.reach.podcasts.Sponsorships.BookingRef;
import io.reach.podcasts.Sponsorships.PromoCode;
import io.reach.podcasts.Sponsorships.VanityTarget;
import io.reach.podcasts.sponsorship.Bookings.Booking;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads bookings for attribution (vanity addresses, promo codes), in the caller's transaction. */
@Component
public class SponsorshipLookups {

    private final Bookings bookings;
    private final Sponsors sponsors;
    private final BookingDelivery delivery;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    SponsorshipLookups(
            Bookings bookings,
            Sponsors sponsors,
            BookingDelivery delivery,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.bookings = bookings;
        this.sponsors = sponsors;
        this.delivery = delivery;
        this.jdbc = jdbc;
    }

    public Optional<VanityTarget> vanity(String slug) {
        return bookings.byVanitySlug(slug)
                .filter(booking -> booking.landingUrl() != null)
                .map(booking -> new VanityTarget(ref(booking), location(booking, slug)));
    }

    public List<PromoCode> promoCodes() {
        return bookings.withPromoCodes().stream()
                .filter(booking -> booking.promoCode() != null && booking.status() != BookingStatus.CANCELLED)
                .map(booking -> new PromoCode(java.util.Objects.requireNonNull(booking.promoCode()), ref(booking)))
                .toList();
    }

    private static BookingRef ref(Booking booking) {
        return new BookingRef(
                booking.id(),
                booking.sponsorId(),
                booking.campaignId(),
                booking.podcastIds().isEmpty() ? null : booking.podcastIds().getFirst());
    }

    /** The landing page with utm_source, utm_medium and utm_campaign added where it has none of its own. */
    static String location(Booking booking, String slug) {
        String landing = java.util.Objects.requireNonNull(booking.landingUrl());
        int hash = landing.indexOf('#');
        String fragment = hash < 0 ? "" : landing.substring(hash);
        StringBuilder address = new StringBuilder(hash < 0 ? landing : landing.substring(0, hash));
        int question = address.indexOf("?");
        String query = question < 0 ? "" : address.substring(question + 1);
        for (Map.Entry<String, String> utm : List.of(
                Map.entry("utm_source", "podcast"),
                Map.entry("utm_medium", "audio"),
                Map.entry("utm_campaign", slug))) {
            boolean present = java.util.Arrays.stream(query.split("&")).anyMatch(p -> p.startsWith(utm.getKey() + "="));
            if (!present) {
                address.append(address.indexOf("?") < 0 ? '?' : '&')
                        .append(utm.getKey())
                        .append('=')
                        .append(URLEncoder.encode(utm.getValue(), StandardCharsets.UTF_8));
            }
        }
        return address.append(fragment).toString();
    }

    /**
     * What each campaign's insertion orders cost on a day: every booked, live or completed order whose
     * flight covers the day adds its planned cost spread evenly over the flight (flat: the price; CPM: the
     * price per thousand of its goal), in the orders' currencies as given.
     */
    public java.util.Map<UUID, java.math.BigDecimal> dailyCosts(java.time.LocalDate day) {
        java.util.Map<UUID, java.math.BigDecimal> costs = new java.util.HashMap<>();
        jdbc.sql("""
                        select campaign_id, sum(case when pricing = 'flat' then price
                                else price * coalesce(goal, 0) / 1000 end / (flight_end - flight_start + 1)) as cost
                        from podcasts.io_bookings
                        where campaign_id is not null and status in ('booked', 'live', 'completed')
                          and :day between flight_start and flight_end
                        group by campaign_id""").param("day", day).query(rs -> {
            costs.put(
                    java.util.Objects.requireNonNull(rs.getObject("campaign_id", UUID.class)),
                    rs.getBigDecimal("cost").setScale(2, java.math.RoundingMode.HALF_EVEN));
        });
        return costs;
    }

    public Optional<String> sponsorName(UUID sponsor) {
        return sponsors.find(sponsor).map(Sponsors.Sponsor::name);
    }

    /** A sponsor's insertion orders with what each delivered, its downloads and its cost so far. */
    public Optional<io.reach.podcasts.Sponsorships.SponsorDelivery> sponsorDelivery(
            UUID sponsor, java.time.LocalDate today) {
        return sponsors.find(sponsor)
                .map(found -> new io.reach.podcasts.Sponsorships.SponsorDelivery(
                        found.name(),
                        bookings.all(sponsor).stream()
                                .filter(booking -> booking.status() != BookingStatus.DRAFT
                                        && booking.status() != BookingStatus.CANCELLED)
                                .map(booking -> {
                                    BookingDelivery.Delivery delivered = delivery.of(booking, today);
                                    return new io.reach.podcasts.Sponsorships.OrderDelivery(
                                            booking.id(),
                                            booking.flightStart(),
                                            booking.flightEnd(),
                                            booking.goalType().code(),
                                            booking.goal(),
                                            delivered.delivered(),
                                            delivery.downloads(booking),
                                            delivered.pacing(),
                                            delivered.costSoFar(),
                                            booking.currency(),
                                            booking.promoCode());
                                })
                                .toList()));
    }
}

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
import org.springframework.stereotype.Component;

/** Reads bookings for attribution (vanity addresses, promo codes), in the caller's transaction. */
@Component
public class SponsorshipLookups {

    private final Bookings bookings;

    SponsorshipLookups(Bookings bookings) {
        this.bookings = bookings;
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
}

package io.reach.podcasts;

import io.reach.podcasts.sponsorship.SponsorshipLookups;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What attribution reads of sponsorship, in the caller's workspace transaction: where a vanity
 * address leads, and the promo codes of the workspace's insertion orders.
 */
@Component
public class Sponsorships {

    private final SponsorshipLookups lookups;

    Sponsorships(SponsorshipLookups lookups) {
        this.lookups = lookups;
    }

    /** An insertion order a touch or a code is credited to. */
    public record BookingRef(
            UUID booking,
            UUID sponsor,
            @Nullable UUID campaign,
            @Nullable UUID podcast) {}

    /** Where a vanity address leads (its landing page, with UTM parameters) and for which booking. */
    public record VanityTarget(BookingRef booking, String location) {}

    /** A booking's promo code. */
    public record PromoCode(String code, BookingRef booking) {}

    /** A sponsor's name and its insertion orders' delivery, for a report shared with the sponsor. */
    public record SponsorDelivery(String sponsorName, List<OrderDelivery> orders) {}

    /** An insertion order's flight, goal, what it delivered, its downloads, pacing and cost so far. */
    public record OrderDelivery(
            UUID id,
            java.time.LocalDate flightStart,
            java.time.LocalDate flightEnd,
            String goalType,
            @Nullable Long goal,
            long delivered,
            long downloads,
            @Nullable Double pacing,
            java.math.BigDecimal cost,
            String currency,
            @Nullable String promoCode) {}

    /** The sponsor's name, if the workspace has the sponsor. */
    public Optional<String> sponsorName(UUID sponsor) {
        return lookups.sponsorName(sponsor);
    }

    /** The sponsor's delivery (booked, live and completed orders), if the workspace has the sponsor. */
    public Optional<SponsorDelivery> sponsorDelivery(UUID sponsor, java.time.LocalDate today) {
        return lookups.sponsorDelivery(sponsor, today);
    }

    public Optional<VanityTarget> vanity(String slug) {
        return lookups.vanity(slug);
    }

    public List<PromoCode> promoCodes() {
        return lookups.promoCodes();
    }

    /** What each campaign's insertion orders cost on the day (planned cost spread evenly over each flight). */
    public java.util.Map<UUID, java.math.BigDecimal> dailyCosts(java.time.LocalDate day) {
        return lookups.dailyCosts(day);
    }
}

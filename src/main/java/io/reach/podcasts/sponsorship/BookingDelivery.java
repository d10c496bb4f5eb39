package io.reach.podcasts.sponsorship;

import io.reach.podcasts.sponsorship.Bookings.Booking;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an insertion order has delivered against its goal, from the counted downloads, in the
 * workspace's transaction: for an impressions goal the ads of its ad units delivered inside counted
 * downloads, for a downloads goal the counted downloads of its episodes (or, naming none, of its
 * podcasts), on the days of its flight. Pacing compares that with an even delivery over the flight.
 */
@Repository
public class BookingDelivery {

    private final JdbcClient jdbc;

    BookingDelivery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Delivered so far; the goal; the share of the goal; what an even delivery would have reached by
     * {@code today}; delivered over that (1 is on pace); and the cost so far (CPM: price per thousand
     * delivered, never above the goal's; flat: the price).
     */
    public record Delivery(
            long delivered,
            @Nullable Long goal,
            @Nullable Double share,
            @Nullable Long expectedByNow,
            @Nullable Double pacing,
            BigDecimal costSoFar) {}

    Delivery of(Booking booking, LocalDate today) {
        long delivered = booking.goalType() == GoalType.IMPRESSIONS ? adsDelivered(booking) : downloads(booking);
        Long goal = booking.goal();
        long flightDays = ChronoUnit.DAYS.between(booking.flightStart(), booking.flightEnd()) + 1;
        long elapsed = Math.max(0, Math.min(flightDays, ChronoUnit.DAYS.between(booking.flightStart(), today) + 1));
        Long expected = goal == null ? null : goal * elapsed / flightDays;
        BigDecimal cost = booking.pricing() == Pricing.FLAT
                ? booking.price()
                : booking.price()
                        .multiply(BigDecimal.valueOf(goal == null ? delivered : Math.min(delivered, goal)))
                        .divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_EVEN);
        return new Delivery(
                delivered,
                goal,
                goal == null ? null : (double) delivered / goal,
                expected,
                expected == null || expected == 0 ? null : (double) delivered / expected,
                cost);
    }

    private long adsDelivered(Booking booking) {
        return jdbc.sql("""
                select count(*) from podcasts.downloads d
                    cross join lateral unnest(d.ad_units) as a (unit)
                    join podcasts.ad_units u on u.id = a.unit
                where u.io_booking_id = :booking and d.day between :start and :end""")
                .param("booking", booking.id())
                .param("start", booking.flightStart())
                .param("end", booking.flightEnd())
                .query(Long.class)
                .single();
    }

    long downloads(Booking booking) {
        boolean byEpisode = !booking.episodeIds().isEmpty();
        if (!byEpisode && booking.podcastIds().isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                select coalesce(sum(downloads), 0) from podcasts.downloads
                where day between :start and :end and %s = any(cast(:ids as uuid[]))""".formatted(byEpisode ? "episode_id" : "podcast_id"))
                .param("start", booking.flightStart())
                .param("end", booking.flightEnd())
                .param("ids", (byEpisode ? booking.episodeIds() : booking.podcastIds()).toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }
}

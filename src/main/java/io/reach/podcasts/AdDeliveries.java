package io.reach.podcasts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ads delivered inside a day's counted downloads, in the caller's workspace transaction: each
 * with the download's time, listener and household keys, its episode and podcast, and the ad's
 * campaign and insertion order (the booking's campaign when the ad names none).
 */
@Component
public class AdDeliveries {

    private final JdbcClient jdbc;

    AdDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One ad delivered in one download. */
    public record Delivered(
            Instant at,
            byte[] listener,
            byte @Nullable [] household,
            UUID episode,
            UUID podcast,
            UUID adUnit,
            @Nullable UUID campaign,
            @Nullable UUID booking,
            @Nullable UUID sponsor) {}

    public List<Delivered> on(LocalDate day) {
        return jdbc.sql("""
                select d.counted_at[a.position] as at, d.listener_ids[a.position] as listener,
                    d.household_keys[a.position] as household, d.episode_id, d.podcast_id, a.unit,
                    coalesce(u.campaign_id, b.campaign_id) as campaign_id, u.io_booking_id, b.sponsor_id
                from podcasts.downloads d
                    cross join lateral unnest(d.ad_downloads, d.ad_units) as a (position, unit)
                    join podcasts.ad_units u on u.id = a.unit
                    left join podcasts.io_bookings b on b.id = u.io_booking_id
                where d.day = :day
                order by 1""")
                .param("day", day)
                .query((rs, row) -> new Delivered(
                        Objects.requireNonNull(rs.getObject("at", OffsetDateTime.class))
                                .toInstant(),
                        Objects.requireNonNull(rs.getBytes("listener")),
                        rs.getBytes("household"),
                        Objects.requireNonNull(rs.getObject("episode_id", UUID.class)),
                        Objects.requireNonNull(rs.getObject("podcast_id", UUID.class)),
                        Objects.requireNonNull(rs.getObject("unit", UUID.class)),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getObject("io_booking_id", UUID.class),
                        rs.getObject("sponsor_id", UUID.class)))
                .list();
    }
}

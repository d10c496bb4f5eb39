package io.reach.podcasts.sponsorship;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.web.Codes;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code podcasts.io_bookings}, in the workspace's transaction. */
@Repository
public class Bookings {

    private static final String SELECT = "select * from podcasts.io_bookings";

    private final JdbcClient jdbc;

    Bookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An insertion order as the API shows it. */
    public record Booking(
            UUID id,
            UUID sponsorId,
            @Nullable UUID campaignId,
            LocalDate bookingDate,
            LocalDate flightStart,
            LocalDate flightEnd,
            List<UUID> podcastIds,
            List<UUID> episodeIds,
            GoalType goalType,
            @Nullable Long goal,
            Pricing pricing,
            BigDecimal price,
            String currency,
            @Nullable String promoCode,
            @Nullable String vanitySlug,
            @Nullable String landingUrl,
            BookingStatus status,
            Instant createdAt,
            Instant updatedAt) {}

    List<Booking> all(@Nullable UUID sponsor) {
        return jdbc.sql(SELECT + " where (cast(:sponsor as uuid) is null or sponsor_id = :sponsor)"
                        + " order by flight_start desc, id")
                .param("sponsor", sponsor)
                .query(Bookings::booking)
                .list();
    }

    Optional<Booking> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Bookings::booking)
                .optional();
    }

    Optional<Booking> byVanitySlug(String slug) {
        return jdbc.sql(SELECT + " where vanity_slug = :slug and status <> 'cancelled'")
                .param("slug", slug)
                .query(Bookings::booking)
                .optional();
    }

    List<Booking> withPromoCodes() {
        return jdbc.sql(SELECT + " where promo_code is not null")
                .query(Bookings::booking)
                .list();
    }

    /** Which of the unique values (promo code, vanity slug) another booking already holds. */
    List<String> taken(@Nullable String promoCode, @Nullable String vanitySlug, @Nullable UUID except) {
        return jdbc.sql("""
                select case when lower(promo_code) = lower(:code) then 'promo_code' else 'vanity_slug' end
                from podcasts.io_bookings
                where (lower(promo_code) = lower(:code) or vanity_slug = :slug) and id is distinct from :except""")
                .param("code", promoCode)
                .param("slug", vanitySlug)
                .param("except", except)
                .query((rs, row) -> java.util.Objects.requireNonNull(rs.getString(1)))
                .list();
    }

    void save(Booking booking) {
        jdbc.sql("""
                insert into podcasts.io_bookings (tenant_id, id, sponsor_id, campaign_id, booking_date, flight_start,
                    flight_end, podcast_ids, episode_ids, goal_type, goal, pricing, price, currency, promo_code,
                    vanity_slug, landing_url, status, created_at, updated_at)
                values (platform.current_tenant_id(), :id, :sponsor, :campaign, :booked, :start, :end,
                    cast(:podcasts as uuid[]), cast(:episodes as uuid[]), :goalType, :goal, :pricing, :price, :currency,
                    :promo, :slug, :landing, :status, :created, :updated)
                on conflict (tenant_id, id) do update set sponsor_id = excluded.sponsor_id,
                    campaign_id = excluded.campaign_id, booking_date = excluded.booking_date,
                    flight_start = excluded.flight_start, flight_end = excluded.flight_end,
                    podcast_ids = excluded.podcast_ids, episode_ids = excluded.episode_ids,
                    goal_type = excluded.goal_type, goal = excluded.goal, pricing = excluded.pricing,
                    price = excluded.price, currency = excluded.currency, promo_code = excluded.promo_code,
                    vanity_slug = excluded.vanity_slug, landing_url = excluded.landing_url, status = excluded.status,
                    updated_at = excluded.updated_at""")
                .param("id", booking.id())
                .param("sponsor", booking.sponsorId())
                .param("campaign", booking.campaignId())
                .param("booked", booking.bookingDate())
                .param("start", booking.flightStart())
                .param("end", booking.flightEnd())
                .param("podcasts", booking.podcastIds().toArray(UUID[]::new))
                .param("episodes", booking.episodeIds().toArray(UUID[]::new))
                .param("goalType", booking.goalType().code())
                .param("goal", booking.goal())
                .param("pricing", booking.pricing().code())
                .param("price", booking.price())
                .param("currency", booking.currency())
                .param("promo", booking.promoCode())
                .param("slug", booking.vanitySlug())
                .param("landing", booking.landingUrl())
                .param("status", booking.status().code())
                .param("created", utc(booking.createdAt()))
                .param("updated", utc(booking.updatedAt()))
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from podcasts.io_bookings where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Booking booking(ResultSet rs, int row) throws SQLException {
        return new Booking(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                Objects.requireNonNull(rs.getObject("sponsor_id", UUID.class)),
                rs.getObject("campaign_id", UUID.class),
                Objects.requireNonNull(rs.getObject("booking_date", LocalDate.class)),
                Objects.requireNonNull(rs.getObject("flight_start", LocalDate.class)),
                Objects.requireNonNull(rs.getObject("flight_end", LocalDate.class)),
                uuids(rs.getArray("podcast_ids")),
                uuids(rs.getArray("episode_ids")),
                Codes.stored(GoalType.class, Objects.requireNonNull(rs.getString("goal_type"))),
                rs.getObject("goal", Long.class),
                Codes.stored(Pricing.class, Objects.requireNonNull(rs.getString("pricing"))),
                Objects.requireNonNull(rs.getBigDecimal("price")),
                Objects.requireNonNull(rs.getString("currency")),
                rs.getString("promo_code"),
                rs.getString("vanity_slug"),
                rs.getString("landing_url"),
                Codes.stored(BookingStatus.class, Objects.requireNonNull(rs.getString("status"))),
                Objects.requireNonNull(rs.getObject("created_at", OffsetDateTime.class))
                        .toInstant(),
                Objects.requireNonNull(rs.getObject("updated_at", OffsetDateTime.class))
                        .toInstant());
    }

    private static List<UUID> uuids(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}

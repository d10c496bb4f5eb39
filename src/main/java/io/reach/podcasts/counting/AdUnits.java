package io.reach.podcasts.counting;

import static io.reach.platform.time.UtcTimes.utc;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ads placed in the workspace's episodes. */
@Repository
public class AdUnits {

    private final JdbcClient jdbc;

    AdUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @CheckSet(table = "podcasts.ad_units", column = "unit_type")
    enum UnitType {
        PRE("pre"),
        MID("mid"),
        POST("post");

        private final String code;

        UnitType(String code) {
            this.code = code;
        }

        @JsonValue
        String code() {
            return code;
        }
    }

    @CheckSet(table = "podcasts.ad_units", column = "insertion")
    enum Insertion {
        BAKED_IN("baked_in"),
        DYNAMIC("dynamic");

        private final String code;

        Insertion(String code) {
            this.code = code;
        }

        @JsonValue
        String code() {
            return code;
        }
    }

    /** An ad in an episode: where it starts and how long it runs (seconds), and how it is inserted. */
    public record AdUnit(
            UUID id,
            UUID episodeId,
            @Nullable UUID campaignId,
            @Nullable UUID ioBookingId,
            @Nullable String name,
            String unitType,
            String insertion,
            BigDecimal positionSeconds,
            BigDecimal durationSeconds,
            Instant createdAt,
            Instant updatedAt) {}

    List<AdUnit> forEpisode(UUID episode) {
        return jdbc.sql(SELECT + " where episode_id = :episode order by position_seconds, id")
                .param("episode", episode)
                .query(AdUnits::unit)
                .list();
    }

    Optional<AdUnit> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(AdUnits::unit)
                .optional();
    }

    void save(AdUnit unit) {
        jdbc.sql("""
                insert into podcasts.ad_units (tenant_id, id, episode_id, campaign_id, io_booking_id, name, unit_type,
                    insertion, position_seconds, duration_seconds, created_at, updated_at)
                values (platform.current_tenant_id(), :id, :episode, :campaign, :booking, :name, :type, :insertion,
                    :position, :duration, :created, :updated)
                on conflict (tenant_id, id) do update set campaign_id = excluded.campaign_id,
                    io_booking_id = excluded.io_booking_id, name = excluded.name,
                    unit_type = excluded.unit_type, insertion = excluded.insertion,
                    position_seconds = excluded.position_seconds, duration_seconds = excluded.duration_seconds,
                    updated_at = excluded.updated_at""")
                .param("id", unit.id())
                .param("episode", unit.episodeId())
                .param("campaign", unit.campaignId())
                .param("booking", unit.ioBookingId())
                .param("name", unit.name())
                .param("type", unit.unitType())
                .param("insertion", unit.insertion())
                .param("position", unit.positionSeconds())
                .param("duration", unit.durationSeconds())
                .param("created", utc(unit.createdAt()))
                .param("updated", utc(unit.updatedAt()))
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from podcasts.ad_units where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean bookingExists(UUID booking) {
        return jdbc.sql("select exists (select 1 from podcasts.io_bookings where id = :id)")
                .param("id", booking)
                .query(Boolean.class)
                .single();
    }

    boolean episodeExists(UUID episode) {
        return jdbc.sql("select exists (select 1 from podcasts.episodes where id = :id)")
                .param("id", episode)
                .query(Boolean.class)
                .single();
    }

    private static final String SELECT = """
            select id, episode_id, campaign_id, io_booking_id, name, unit_type, insertion, position_seconds, duration_seconds,
                created_at, updated_at
            from podcasts.ad_units""";

    private static AdUnit unit(ResultSet rs, int row) throws SQLException {
        return new AdUnit(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                Objects.requireNonNull(rs.getObject("episode_id", UUID.class)),
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("io_booking_id", UUID.class),
                rs.getString("name"),
                Objects.requireNonNull(rs.getString("unit_type")),
                Objects.requireNonNull(rs.getString("insertion")),
                Objects.requireNonNull(rs.getBigDecimal("position_seconds")),
                Objects.requireNonNull(rs.getBigDecimal("duration_seconds")),
                Objects.requireNonNull(rs.getObject("created_at", OffsetDateTime.class))
                        .toInstant(),
                Objects.requireNonNull(rs.getObject("updated_at", OffsetDateTime.class))
                        .toInstant());
    }
}

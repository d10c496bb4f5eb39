package io.reach.measurement;

import static io.reach.platform.time.UtcTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * One site's visitors as stored (of the current tenant): its sessions, and the devices and places (global
 * reference tables) its sessions of a period came from — never those only other tenants saw.
 */
@Repository
class VisitorCatalog {

    private static final String WINDOW = "site_id = :site and started_at >= :from and started_at < :to";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VisitorCatalog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Session(
            UUID id,
            String sessionKey,
            @Nullable String userId,
            Instant startedAt,
            Instant endedAt,
            long events,
            @Nullable String ipAddress,
            @Nullable String userAgent,
            Map<String, Object> deviceInfo,
            Map<String, Object> locationData,
            boolean bot) {}

    record Device(
            UUID id,
            @Nullable String deviceType,
            @Nullable String deviceBrand,
            @Nullable String deviceModel,
            @Nullable String operatingSystem,
            @Nullable String browser,
            String screenResolution,
            String userAgent,
            Instant createdAt) {}

    /** As {@code query(Device.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Device> DEVICE_ROW = new SimplePropertyRowMapper<>(Device.class);

    record Place(
            UUID geographyId,
            String countryCode,
            @Nullable String countryName,
            @Nullable String region,
            @Nullable String city,
            java.math.@Nullable BigDecimal latitude,
            java.math.@Nullable BigDecimal longitude,
            @Nullable String timezone,
            Instant createdAt) {}

    /** As {@code query(Place.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Place> PLACE_ROW = new SimplePropertyRowMapper<>(Place.class);

    List<Session> sessions(UUID site, Instant from, Instant to, UUID after, int size) {
        return jdbc.sql("""
                select id, session_key, user_id, started_at, ended_at, events, ip_address, user_agent,
                       device_info::text as device_info, location_data::text as location_data, is_bot
                from measurement.sessions where %s and id > :after order by id limit :size""".formatted(WINDOW))
                .param("site", site)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("after", after)
                .param("size", size)
                .query((rs, row) -> new Session(
                        rs.getObject("id", UUID.class),
                        rs.getString("session_key"),
                        rs.getString("user_id"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ended_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("events"),
                        rs.getString("ip_address"),
                        rs.getString("user_agent"),
                        object(rs.getString("device_info")),
                        object(rs.getString("location_data")),
                        rs.getBoolean("is_bot")))
                .list();
    }

    List<Device> devices(UUID site, Instant from, Instant to, UUID after, int size) {
        return jdbc.sql("""
                select id, device_type, device_brand, device_model, operating_system, browser, screen_resolution,
                       user_agent, created_at
                from measurement.devices
                where user_agent_hash in (select encode(sha256(convert_to(user_agent, 'UTF8')), 'hex')
                                          from measurement.sessions where %s and user_agent is not null)
                  and id > :after order by id limit :size""".formatted(WINDOW))
                .param("site", site)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("after", after)
                .param("size", size)
                .query(DEVICE_ROW)
                .list();
    }

    List<Place> places(UUID site, Instant from, Instant to, UUID after, int size) {
        return jdbc.sql("""
                select geography_id, country_code, country_name, region, city, latitude, longitude, timezone, created_at
                from measurement.geography g
                where exists (select 1 from measurement.sessions s
                              where s.%s and s.location_data ->> 'country' = g.country_code
                                and s.location_data ->> 'region' is not distinct from g.region
                                and s.location_data ->> 'city' is not distinct from g.city)
                  and geography_id > :after order by geography_id limit :size""".formatted(WINDOW))
                .param("site", site)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("after", after)
                .param("size", size)
                .query(PLACE_ROW)
                .list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String text) {
        return json.readValue(text, Map.class);
    }
}

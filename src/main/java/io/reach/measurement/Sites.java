package io.reach.measurement;

import io.reach.measurement.ingest.SiteExclusions;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.time.UtcTimes;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The current tenant's sites ({@code measurement.sites}). Every workspace has one default site,
 * made the first time it is needed (a workspace made before sites existed got it from the
 * migration): API keys that name no site write into it and analytics that ask for none read it.
 */
@Repository
class Sites {

    private static final String COLUMNS =
            "id, name, domains, time_zone, excluded_ips, excluded_paths, is_default," + " created_at, updated_at";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;

    Sites(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** A site as the API shows it; {@code timeZone} null means the workspace's zone. */
    record Site(
            UUID id,
            String name,
            List<String> domains,
            @Nullable String timeZone,
            List<String> excludedIps,
            List<String> excludedPaths,
            boolean isDefault,
            Instant createdAt,
            Instant updatedAt) {

        SiteExclusions exclusions() {
            return SiteExclusions.of(excludedIps, excludedPaths);
        }
    }

    /** The current tenant's default site, made now if it has none yet. */
    Site defaultSite() {
        Optional<Site> found = findDefault();
        if (found.isPresent()) {
            return found.get();
        }
        // two first requests at once: one insert wins, the other does nothing and reads it
        jdbc.sql("""
                insert into measurement.sites (tenant_id, id, name, is_default, created_at, updated_at)
                values (:tenant, :id, 'Default site', true, :now, :now)
                on conflict (tenant_id) where is_default do nothing""")
                .param("tenant", TenantContext.require().value())
                .param("id", ids.next())
                .param("now", UtcTimes.utc(clock.instant()))
                .update();
        return findDefault().orElseThrow();
    }

    /** The asked site of the current tenant (404 when it has none of that id), or its default site. */
    Site chosen(@Nullable UUID id) {
        return id == null ? defaultSite() : find(id).orElseThrow(() -> SiteNotFound.forId(id));
    }

    Optional<Site> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from measurement.sites where id = :id")
                .param("id", id)
                .query(Sites::row)
                .optional();
    }

    /** The current tenant's default site if it has one already (a tenant without one has measured nothing). */
    Optional<Site> findDefault() {
        return jdbc.sql("select " + COLUMNS + " from measurement.sites where is_default")
                .query(Sites::row)
                .optional();
    }

    List<Site> page(UUID after, int size) {
        return jdbc.sql("select " + COLUMNS + " from measurement.sites where id > :after order by id limit :size")
                .param("after", after)
                .param("size", size)
                .query(Sites::row)
                .list();
    }

    /** Every site of the current tenant. */
    List<Site> all() {
        return jdbc.sql("select " + COLUMNS + " from measurement.sites order by id")
                .query(Sites::row)
                .list();
    }

    void create(UUID id, SiteSettings settings, Instant now) {
        jdbc.sql("""
                insert into measurement.sites (tenant_id, id, name, domains, time_zone, excluded_ips, excluded_paths,
                    is_default, created_at, updated_at)
                values (:tenant, :id, :name, :domains, :zone, :ips, :paths, false, :now, :now)""")
                .param("tenant", TenantContext.require().value())
                .param("id", id)
                .param("name", settings.name())
                .param("domains", array(settings.domains()))
                .param("zone", settings.timeZone())
                .param("ips", array(settings.excludedIps()))
                .param("paths", array(settings.excludedPaths()))
                .param("now", UtcTimes.utc(now))
                .update();
    }

    void replace(UUID id, SiteSettings settings, Instant now) {
        jdbc.sql("""
                update measurement.sites set name = :name, domains = :domains, time_zone = :zone, excluded_ips = :ips,
                    excluded_paths = :paths, updated_at = :now
                where id = :id""")
                .param("id", id)
                .param("name", settings.name())
                .param("domains", array(settings.domains()))
                .param("zone", settings.timeZone())
                .param("ips", array(settings.excludedIps()))
                .param("paths", array(settings.excludedPaths()))
                .param("now", UtcTimes.utc(now))
                .update();
    }

    /**
     * Deletes a site that is not the default one with what was measured for it (events, sessions,
     * rollups); its site keys are revoked, so browsers using them are refused at once.
     */
    void delete(UUID id, Instant now) {
        for (String table : List.of(
                "trackers",
                "sessions",
                "rollup_dirty",
                "rollup_watermarks",
                "tracker_hourly",
                "tracker_hourly_totals",
                "tracker_hourly_by_dimension",
                "tracker_daily_totals",
                "tracker_daily_by_dimension",
                "session_hourly")) {
            jdbc.sql("delete from measurement." + table + " where site_id = :id")
                    .param("id", id)
                    .update();
        }
        jdbc.sql("delete from measurement.daily_analytics where entity_type = 'site' and entity_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("update measurement.site_keys set revoked_at = coalesce(revoked_at, :now), updated_at = :now"
                        + " where site_id = :id")
                .param("id", id)
                .param("now", UtcTimes.utc(now))
                .update();
        jdbc.sql("delete from measurement.sites where id = :id and not is_default")
                .param("id", id)
                .update();
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static Site row(ResultSet rs, int row) throws SQLException {
        return new Site(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                list(rs.getArray("domains")),
                rs.getString("time_zone"),
                list(rs.getArray("excluded_ips")),
                list(rs.getArray("excluded_paths")),
                rs.getBoolean("is_default"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> list(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}

package io.reach.measurement;

import io.reach.platform.security.TenantRoutedTokens;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.time.UtcTimes;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Public site keys ({@code rs_site_<tenant>_<random>}): the key names its tenant, so it can be
 * looked up under row-level security; each allows a list of origins, exact
 * ({@code https://shop.example}) or any subdomain ({@code https://*.shop.example}). A key writes into
 * its site.
 */
@Repository
class SiteKeys {

    static final String PREFIX = "rs_site_";
    private static final String COLUMNS =
            "id, site_id, key, name, allowed_origins, created_by, created_at, updated_at, revoked_at";

    private final JdbcClient jdbc;

    SiteKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SiteKey(
            UUID id,
            UUID siteId,
            String key,
            String name,
            List<String> allowedOrigins,
            @Nullable UUID createdBy,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant revokedAt) {

        boolean allows(String origin) {
            String asked = origin.toLowerCase(Locale.ROOT);
            return allowedOrigins.stream().anyMatch(allowed -> matches(allowed, asked));
        }

        private static boolean matches(String allowed, String origin) {
            int wildcard = allowed.indexOf("://*.");
            if (wildcard < 0) {
                return allowed.equals(origin);
            }
            String scheme = allowed.substring(0, wildcard + 3);
            String suffix = allowed.substring(wildcard + 4);
            return origin.startsWith(scheme)
                    && origin.endsWith(suffix)
                    && origin.length() > scheme.length() + suffix.length();
        }
    }

    /** An origin as stored: lower case, {@code scheme://host[:port]}; empty when it is not one. */
    static Optional<String> normalisedOrigin(String origin) {
        try {
            URI uri = new URI(origin.strip().replace("://*.", "://wildcard."));
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (!web || !bare || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.toString().toLowerCase(Locale.ROOT).replace("://wildcard.", "://*."));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    String create(
            UUID id,
            TenantId tenant,
            UUID site,
            String name,
            List<String> origins,
            @Nullable UUID createdBy,
            Instant now) {
        String key = TenantRoutedTokens.issue(PREFIX, tenant.value()).substring(0, PREFIX.length() + 22 + 1 + 24);
        jdbc.sql("""
                insert into measurement.site_keys (tenant_id, id, site_id, key, name, allowed_origins, created_by,
                    created_at, updated_at)
                values (:tenant, :id, :site, :key, :name, :origins, :by, :now, :now)""")
                .param("tenant", tenant.value())
                .param("site", site)
                .param("id", id)
                .param("key", key)
                .param("name", name)
                .param("origins", origins.toArray(String[]::new))
                .param("by", createdBy)
                .param("now", UtcTimes.utc(now))
                .update();
        return key;
    }

    List<SiteKey> page(UUID after, int size) {
        return jdbc.sql("select " + COLUMNS + " from measurement.site_keys where id > :after order by id limit :size")
                .param("after", after)
                .param("size", size)
                .query(SiteKeys::row)
                .list();
    }

    Optional<SiteKey> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from measurement.site_keys where id = :id")
                .param("id", id)
                .query(SiteKeys::row)
                .optional();
    }

    /** The unrevoked key, looked up under its tenant (from the key itself). */
    Optional<SiteKey> findActive(String key) {
        return jdbc.sql("select " + COLUMNS + " from measurement.site_keys where key = :key and revoked_at is null")
                .param("key", key)
                .query(SiteKeys::row)
                .optional();
    }

    boolean update(UUID id, @Nullable String name, @Nullable List<String> origins, Instant now) {
        return jdbc.sql("""
                update measurement.site_keys set name = coalesce(:name, name),
                    allowed_origins = coalesce(:origins, allowed_origins), updated_at = :now
                where id = :id and revoked_at is null""")
                        .param("id", id)
                        .param("name", name)
                        .param("origins", origins == null ? null : origins.toArray(String[]::new))
                        .param("now", UtcTimes.utc(now))
                        .update()
                == 1;
    }

    boolean revoke(UUID id, Instant now) {
        return jdbc.sql("update measurement.site_keys set revoked_at = :now, updated_at = :now where id = :id"
                                + " and revoked_at is null")
                        .param("id", id)
                        .param("now", UtcTimes.utc(now))
                        .update()
                == 1;
    }

    static Optional<UUID> tenantOf(String key) {
        return TenantRoutedTokens.tenantOf(PREFIX, key);
    }

    private static SiteKey row(ResultSet rs, int row) throws SQLException {
        Array origins = rs.getArray("allowed_origins");
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new SiteKey(
                rs.getObject("id", UUID.class),
                rs.getObject("site_id", UUID.class),
                rs.getString("key"),
                rs.getString("name"),
                List.of((String[]) origins.getArray()),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}

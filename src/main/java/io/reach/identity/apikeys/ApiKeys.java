package io.reach.identity.apikeys;

import io.reach.identity.TokenDigests;
import io.reach.platform.security.TenantRoutedTokens;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code identity.api_keys}. A key is a {@link TenantRoutedTokens tenant-routed token} with the
 * prefix {@code rk_}; only its SHA-256 is stored.
 */
@Repository
class ApiKeys {

    static final String PREFIX = "rk_";

    private static final String INSERT = """
            insert into identity.api_keys (tenant_id, id, user_id, name, key_prefix, key_hash, scopes, expires_at, created_at)
            values (:tenant, :id, :userId, :name, :prefix, :hash, :scopes, :expiresAt, :now)""";
    private static final String FIND_ACTIVE = """
            select id, user_id, scopes from identity.api_keys
            where key_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)""";
    private static final String TOUCH = """
            update identity.api_keys set last_used_at = :now
            where id = :id and (last_used_at is null or last_used_at < :now - interval '1 minute')""";
    private static final String LIST = """
            select id, user_id, name, key_prefix, scopes, last_used_at, expires_at, revoked_at, created_at
            from identity.api_keys where id > :after order by id limit :limit""";
    private static final String FIND = """
            select id, user_id, name, key_prefix, scopes, last_used_at, expires_at, revoked_at, created_at
            from identity.api_keys where id = :id""";
    private static final String REVOKE = """
            update identity.api_keys set revoked_at = :now where id = :id and revoked_at is null""";

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ApiKeyView(
            UUID id,
            UUID userId,
            String name,
            String keyPrefix,
            List<String> scopes,
            @Nullable Instant lastUsedAt,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            Instant createdAt) {}

    record ActiveKey(UUID id, UUID userId, Set<String> scopes) {}

    /** Stores a new key of the current tenant and returns its secret, which is never shown again. */
    String create(UUID id, UUID userId, String name, List<String> scopes, @Nullable Instant expiresAt, Instant now) {
        UUID tenant = TenantContext.require().value();
        String secret = TenantRoutedTokens.issue(PREFIX, tenant);
        jdbc.sql(INSERT)
                .param("tenant", tenant)
                .param("id", id)
                .param("userId", userId)
                .param("name", name)
                .param("prefix", visiblePrefix(secret))
                .param("hash", TokenDigests.hash(secret))
                .param("scopes", scopes.toArray(String[]::new))
                .param("expiresAt", expiresAt == null ? null : UtcTimes.utc(expiresAt))
                .param("now", UtcTimes.utc(now))
                .update();
        return secret;
    }

    Optional<ActiveKey> findActive(String secret, Instant now) {
        return jdbc.sql(FIND_ACTIVE)
                .param("hash", TokenDigests.hash(secret))
                .param("now", UtcTimes.utc(now))
                .query((rs, row) -> new ActiveKey(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        Set.copyOf(List.of((String[]) rs.getArray("scopes").getArray()))))
                .optional();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql(TOUCH).param("id", id).param("now", UtcTimes.utc(now)).update();
    }

    List<ApiKeyView> page(UUID after, int limit) {
        return jdbc.sql(LIST)
                .param("after", after)
                .param("limit", limit)
                .query(ApiKeys::view)
                .list();
    }

    Optional<ApiKeyView> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(ApiKeys::view).optional();
    }

    boolean revoke(UUID id, Instant now) {
        return jdbc.sql(REVOKE).param("id", id).param("now", UtcTimes.utc(now)).update() == 1;
    }

    /** The start of a key that may be shown again (tenant part and six characters of the secret). */
    static String visiblePrefix(String secret) {
        return TenantRoutedTokens.visiblePrefix(PREFIX, secret);
    }

    /** The tenant a key names, if it is shaped like one of ours. */
    static Optional<UUID> tenantOf(String secret) {
        return TenantRoutedTokens.tenantOf(PREFIX, secret);
    }

    private static ApiKeyView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiKeyView(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("name"),
                rs.getString("key_prefix"),
                List.of((String[]) rs.getArray("scopes").getArray()),
                instant(rs, "last_used_at"),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }

    private static @Nullable Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

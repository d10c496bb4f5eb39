package io.reach.identity.signin;

import io.reach.identity.TokenDigests;
import io.reach.platform.ids.Ids;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens: opaque, single use, rotated on every refresh. The tokens of one sign-in form a
 * family; presenting a token that was already used means it was stolen (or replayed), so the
 * whole family is revoked.
 */
@Repository
public class RefreshTokens {

    private static final String INSERT = """
            insert into identity.refresh_tokens (id, family_id, user_id, tenant_id, token_hash, expires_at, created_at)
            values (:id, :family, :userId, :tenantId, :hash, :expiresAt, :now)""";
    private static final String FIND = """
            select id, family_id, user_id, tenant_id, expires_at, used_at, revoked_at
            from identity.refresh_tokens where token_hash = :hash""";
    private static final String USE = """
            update identity.refresh_tokens set used_at = :now where id = :id and used_at is null and revoked_at is null""";
    private static final String REVOKE_FAMILY = """
            update identity.refresh_tokens set revoked_at = :now where family_id = :family and revoked_at is null""";
    private static final String FAMILY_START = """
            select min(created_at) from identity.refresh_tokens where family_id = :family""";
    private static final String REVOKE_USER = """
            update identity.refresh_tokens set revoked_at = :now where user_id = :userId and revoked_at is null""";

    private final JdbcClient jdbc;
    private final Ids ids;

    RefreshTokens(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    sealed interface Rotation {
        record Rotated(String token, UUID userId, UUID tenantId, UUID family) implements Rotation {}

        record Reused(UUID userId, UUID tenantId, UUID family) implements Rotation {}

        record Invalid() implements Rotation {}
    }

    record StoredToken(
            UUID id,
            UUID familyId,
            UUID userId,
            UUID tenantId,
            Instant expiresAt,
            @Nullable Instant usedAt,
            @Nullable Instant revokedAt) {}

    /** Starts a new family (a new sign-in). */
    String issue(UUID userId, UUID tenantId, Instant now, java.time.Duration ttl) {
        return insert(ids.next(), userId, tenantId, now, ttl);
    }

    /** Uses {@code token} up and hands out its successor, or says why not. */
    Rotation rotate(String token, Instant now, java.time.Duration ttl) {
        Optional<StoredToken> found = find(token);
        if (found.isEmpty()
                || found.get().revokedAt() != null
                || found.get().expiresAt().isBefore(now)) {
            return new Rotation.Invalid();
        }
        StoredToken stored = found.get();
        boolean firstUse = stored.usedAt() == null
                && jdbc.sql(USE)
                                .param("id", stored.id())
                                .param("now", UtcTimes.utc(now))
                                .update()
                        == 1;
        if (!firstUse) {
            revokeFamily(stored.familyId(), now);
            return new Rotation.Reused(stored.userId(), stored.tenantId(), stored.familyId());
        }
        String next =
                insertExpiring(stored.familyId(), stored.userId(), stored.tenantId(), now, familyEnd(stored, now, ttl));
        return new Rotation.Rotated(next, stored.userId(), stored.tenantId(), stored.familyId());
    }

    Optional<StoredToken> find(String token) {
        return jdbc.sql(FIND)
                .param("hash", TokenDigests.hash(token))
                .query(StoredToken.class)
                .optional();
    }

    void revokeFamily(UUID family, Instant now) {
        jdbc.sql(REVOKE_FAMILY)
                .param("family", family)
                .param("now", UtcTimes.utc(now))
                .update();
    }

    public void revokeAllOf(UUID userId, Instant now) {
        jdbc.sql(REVOKE_USER)
                .param("userId", userId)
                .param("now", UtcTimes.utc(now))
                .update();
    }

    private String insert(UUID family, UUID userId, UUID tenantId, Instant now, java.time.Duration ttl) {
        return insertExpiring(family, userId, tenantId, now, now.plus(ttl));
    }

    /** A session lasts at most {@code ttl} from its sign-in, however often it is refreshed. */
    private Instant familyEnd(StoredToken stored, Instant now, java.time.Duration ttl) {
        Instant started = jdbc.sql(FAMILY_START)
                .param("family", stored.familyId())
                .query(Instant.class)
                .optional()
                .orElse(now);
        return started.plus(ttl);
    }

    private String insertExpiring(UUID family, UUID userId, UUID tenantId, Instant now, Instant expiresAt) {
        String token = TokenDigests.newToken();
        jdbc.sql(INSERT)
                .param("id", ids.next())
                .param("family", family)
                .param("userId", userId)
                .param("tenantId", tenantId)
                .param("hash", TokenDigests.hash(token))
                .param("expiresAt", UtcTimes.utc(expiresAt))
                .param("now", UtcTimes.utc(now))
                .update();
        return token;
    }
}

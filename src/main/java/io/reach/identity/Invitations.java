package io.reach.identity;

import io.reach.platform.security.TenantRoutedTokens;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's {@code identity.invitations}. */
@Repository
class Invitations {

    static final String PREFIX = "inv_";

    private static final String INSERT = """
            insert into identity.invitations (tenant_id, id, email, role, user_type, token_hash, invited_by, expires_at,
                created_at)
            values (:tenant, :id, :email, :role, :userType, :hash, :invitedBy, :expiresAt, :now)""";
    private static final String COLUMNS = """
            id, email, role, user_type, invited_by, expires_at, accepted_at, revoked_at, created_at""";
    private static final String LIST =
            "select " + COLUMNS + " from identity.invitations where id > :after order by id limit :limit";
    private static final String FIND = "select " + COLUMNS + " from identity.invitations where id = :id";
    private static final String OPEN_BY_TOKEN = "select " + COLUMNS + """
             from identity.invitations
            where token_hash = :hash and accepted_at is null and revoked_at is null and expires_at > :now""";
    private static final String ACCEPT = """
            update identity.invitations set accepted_at = :now, accepted_by = :userId
            where id = :id and accepted_at is null and revoked_at is null""";
    private static final String REVOKE = """
            update identity.invitations set revoked_at = :now where id = :id and accepted_at is null and revoked_at is null""";

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Invitation(
            UUID id,
            String email,
            String role,
            String userType,
            @Nullable UUID invitedBy,
            Instant expiresAt,
            @Nullable Instant acceptedAt,
            @Nullable Instant revokedAt,
            Instant createdAt) {}

    /** As {@code query(Invitation.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Invitation> INVITATION = new SimplePropertyRowMapper<>(Invitation.class);

    /** Stores an invitation and returns its token, which only the mail carries. */
    String create(
            UUID id,
            String email,
            String role,
            UserType userType,
            @Nullable UUID invitedBy,
            Instant expiresAt,
            Instant now) {
        UUID tenant = TenantContext.require().value();
        String token = TenantRoutedTokens.issue(PREFIX, tenant);
        jdbc.sql(INSERT)
                .param("tenant", tenant)
                .param("id", id)
                .param("email", email)
                .param("role", role)
                .param("userType", userType.code())
                .param("hash", TokenDigests.hash(token))
                .param("invitedBy", invitedBy)
                .param("expiresAt", UtcTimes.utc(expiresAt))
                .param("now", UtcTimes.utc(now))
                .update();
        return token;
    }

    List<Invitation> page(UUID after, int limit) {
        return jdbc.sql(LIST)
                .param("after", after)
                .param("limit", limit)
                .query(INVITATION)
                .list();
    }

    Optional<Invitation> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(Invitation.class).optional();
    }

    Optional<Invitation> openByToken(String token, Instant now) {
        return jdbc.sql(OPEN_BY_TOKEN)
                .param("hash", TokenDigests.hash(token))
                .param("now", UtcTimes.utc(now))
                .query(Invitation.class)
                .optional();
    }

    boolean accept(UUID id, UUID userId, Instant now) {
        return jdbc.sql(ACCEPT)
                        .param("id", id)
                        .param("userId", userId)
                        .param("now", UtcTimes.utc(now))
                        .update()
                == 1;
    }

    boolean revoke(UUID id, Instant now) {
        return jdbc.sql(REVOKE).param("id", id).param("now", UtcTimes.utc(now)).update() == 1;
    }
}

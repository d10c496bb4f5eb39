package io.reach.identity;

import io.reach.identity.signin.WorkspaceMemberships;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
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

/**
 * {@code identity.memberships}. Writes act on the current tenant; a user's own list of tenants
 * is visible when the transaction acts for that user ({@link TenantContext#callAsUser}).
 */
@Repository
class Memberships implements WorkspaceMemberships {

    private static final String INSERT = """
            insert into identity.memberships (tenant_id, id, user_id, role, user_type, joined_at, created_at, updated_at)
            values (:tenant, :id, :userId, :role, :userType, :now, :now, :now)""";
    private static final String OF_USER = """
            select m.tenant_id, m.id as membership_id, m.role, m.user_type, m.status
            from identity.memberships m join tenancy.tenants t on t.id = m.tenant_id
            where m.user_id = :userId and t.status = 'active'
            order by m.joined_at""";

    private static final String IN_TENANT = """
            select m.id, m.user_id, u.email, u.name, m.role, m.user_type, m.status, m.joined_at
            from identity.memberships m join identity.users u on u.id = m.user_id
            where m.tenant_id = platform.current_tenant_id() and m.id > :after order by m.id limit :limit""";
    private static final String FIND_IN_TENANT = """
            select m.id, m.user_id, u.email, u.name, m.role, m.user_type, m.status, m.joined_at
            from identity.memberships m join identity.users u on u.id = m.user_id
            where m.tenant_id = platform.current_tenant_id() and m.id = :id""";
    private static final String IN_TENANT_OF_USER = """
            select m.id, m.user_id, u.email, u.name, m.role, m.user_type, m.status, m.joined_at
            from identity.memberships m join identity.users u on u.id = m.user_id
            where m.tenant_id = platform.current_tenant_id() and m.user_id = :userId""";
    private static final String IS_MEMBER = """
            select exists (select 1 from identity.memberships
                           where tenant_id = platform.current_tenant_id() and user_id = :userId)""";
    private static final String SET_ROLE = """
            update identity.memberships set role = :role, user_type = coalesce(:userType, user_type), updated_at = :now
            where tenant_id = platform.current_tenant_id() and id = :id
            returning user_id""";

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final MemberStandings standings;

    record Member(
            UUID id,
            UUID userId,
            String email,
            @Nullable String name,
            String role,
            String userType,
            String status,
            Instant joinedAt) {}

    /** As {@code query(Member.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Member> MEMBER = new SimplePropertyRowMapper<>(Member.class);

    List<Member> inTenant(UUID after, int limit) {
        return jdbc.sql(IN_TENANT)
                .param("after", after)
                .param("limit", limit)
                .query(MEMBER)
                .list();
    }

    Optional<Member> findInTenant(UUID id) {
        return jdbc.sql(FIND_IN_TENANT).param("id", id).query(Member.class).optional();
    }

    /** Whether {@code userId} belongs to the current tenant (a person also sees their own memberships elsewhere). */
    boolean isMember(UUID userId) {
        return Boolean.TRUE.equals(
                jdbc.sql(IS_MEMBER).param("userId", userId).query(Boolean.class).single());
    }

    /** The membership of {@code userId} in the current tenant, with its role. */
    Optional<Member> ofUserInTenant(UUID userId) {
        return jdbc.sql(IN_TENANT_OF_USER)
                .param("userId", userId)
                .query(Member.class)
                .optional();
    }

    void setRole(UUID id, String role, @Nullable UserType userType, Instant now) {
        jdbc.sql(SET_ROLE)
                .param("id", id)
                .param("role", role)
                .param("userType", userType == null ? null : userType.code())
                .param("now", UtcTimes.utc(now))
                .query(UUID.class)
                .optional()
                .ifPresent(userId -> standings.changed(TenantContext.require(), userId));
    }

    Memberships(JdbcClient jdbc, TenantTransactions transactions, MemberStandings standings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.standings = standings;
    }

    @Override
    public void insert(UUID id, UUID userId, String role, UserType userType, Instant now) {
        jdbc.sql(INSERT)
                .param("tenant", TenantContext.require().value())
                .param("id", id)
                .param("userId", userId)
                .param("role", role)
                .param("userType", userType.code())
                .param("now", UtcTimes.utc(now))
                .update();
        standings.changed(TenantContext.require(), userId);
    }

    /** The user's memberships in active tenants, oldest first; read in a transaction acting for that user. */
    @Override
    public List<Membership> ofUser(UUID userId) {
        return transactions.inTransactionAsUser(
                userId,
                () -> jdbc.sql(OF_USER)
                        .param("userId", userId)
                        .query(Membership.class)
                        .list());
    }

    @Override
    public Optional<Membership> ofUserIn(UUID userId, UUID tenantId) {
        return ofUser(userId).stream()
                .filter(m -> m.tenantId().equals(tenantId))
                .findFirst();
    }
}

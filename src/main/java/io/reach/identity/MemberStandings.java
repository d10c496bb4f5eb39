package io.reach.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A user's standing in a tenant as the database says it is now: the active membership, its role,
 * and the user's platform role, or nothing when the membership or the user is gone, suspended or
 * inactive. Access tokens are checked against it on every request, so a token never carries more
 * rights than the membership has. Kept for {@code reach.identity.membership-cache-ttl} (5 s) and
 * forgotten on this node as soon as a membership or a user changes here; other nodes follow within
 * that time.
 */
@Component
public class MemberStandings {

    private static final String STANDING = """
            select m.id as membership_id, m.role, u.role as platform_role, u.email
            from identity.memberships m join identity.users u on u.id = m.user_id
            where m.tenant_id = :tenant and m.user_id = :userId and m.status = 'active' and u.status = 'active'""";

    /** What authorisation may rely on about a member right now. */
    public record Standing(UUID membershipId, String role, String platformRole, String email) {}

    private record Key(TenantId tenant, UUID userId) {}

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final Cache<Key, Optional<Standing>> cache;

    MemberStandings(
            JdbcClient jdbc,
            TenantTransactions transactions,
            @Value("${reach.identity.membership-cache-ttl:5s}") Duration ttl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cache =
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    public Optional<Standing> of(TenantId tenant, UUID userId) {
        return cache.get(
                new Key(tenant, userId),
                key -> transactions.inTransactionAs(
                        tenant,
                        () -> jdbc.sql(STANDING)
                                .param("tenant", tenant.value())
                                .param("userId", userId)
                                .query(Standing.class)
                                .optional()));
    }

    /** {@code userId}'s membership in {@code tenant} changed: read it again, now and once the change commits. */
    void changed(TenantId tenant, UUID userId) {
        forget(() -> cache.invalidate(new Key(tenant, userId)));
    }

    /**
     * The user changed (status, platform role): every standing of theirs is read again. Public for
     * the Clerk sync ({@code identity.clerk}), which writes users itself.
     */
    public void userChanged(UUID userId) {
        forget(() -> cache.asMap().keySet().removeIf(key -> key.userId().equals(userId)));
    }

    /**
     * Forgets now, and again after the commit: a request that reads between the two would
     * otherwise cache the old row for the whole lifetime.
     */
    private static void forget(Runnable invalidation) {
        invalidation.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidation.run();
                }
            });
        }
    }
}

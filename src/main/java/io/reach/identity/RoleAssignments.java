package io.reach.identity;

import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.identity.access.AccessPolicies;
import io.reach.identity.access.Delegation;
import io.reach.identity.access.Roles;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Roles a member holds besides their own (nobody gives themselves one, nor one above their own),
 * and who owns which of the workspace's objects (what ownership policies test); each change audited.
 */
@Service
class RoleAssignments {

    private final Roles roles;
    private final Memberships memberships;
    private final AccessPolicies policies;
    private final Delegation delegation;
    private final Ownables ownables;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Clock clock;

    RoleAssignments(
            Roles roles,
            Memberships memberships,
            AccessPolicies policies,
            Delegation delegation,
            Ownables ownables,
            AuditTrail audit,
            TenantTransactions transactions,
            Clock clock) {
        this.roles = roles;
        this.memberships = memberships;
        this.policies = policies;
        this.delegation = delegation;
        this.ownables = ownables;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Extra roles (optionally of one user) in the order they were given. */
    CursorPage<Roles.Assignment> assignments(@Nullable UUID userId, PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                roles.assignments(userId, page.after().orElse(null), page.fetchSize()), page, Roles::keyOf));
    }

    Roles.Assignment assign(@Nullable Object actor, UUID userId, String role, RequestOrigin origin) {
        return transactions.inTransaction(() -> {
            requireMember(userId);
            if (userId.equals(Actor.of(actor).userId())) {
                throw new ConflictException("Own role", "Nobody gives themselves roles");
            }
            delegation.requireMayGiveRole(actor, role);
            UUID roleId = roles.findByName(role).orElseThrow(() -> RoleNotFound.named(role));
            roles.assign(userId, roleId, Actor.of(actor).userId(), clock.instant());
            audit.record(
                    TenantContext.require(),
                    Actor.of(actor)
                            .act("user_role.assigned")
                            .on("user_role", userId + ":" + roleId, "identity.user_roles")
                            .values(Map.of("user_id", userId.toString(), "role", role))
                            .from(origin));
            return roles.assignment(userId, roleId);
        });
    }

    void unassign(@Nullable Object actor, UUID userId, UUID roleId, RequestOrigin origin) {
        transactions.inTransaction(() -> {
            if (!roles.unassign(userId, roleId)) {
                throw RoleNotFound.assignment(userId, roleId);
            }
            audit.record(
                    TenantContext.require(),
                    Actor.of(actor)
                            .act("user_role.unassigned")
                            .on("user_role", userId + ":" + roleId, "identity.user_roles")
                            .from(origin));
        });
    }

    UUID ownerOf(String resourceType, UUID resourceId) {
        return transactions
                .inTransaction(() -> policies.ownerOf(resourceType, resourceId))
                .orElseThrow(() -> ResourceNotFound.ownerOf(resourceType, resourceId));
    }

    /** Makes a member the owner of one of the workspace's objects (an unknown or another workspace's id is 404). */
    void setOwner(@Nullable Object actor, String resourceType, UUID resourceId, UUID ownerId, RequestOrigin origin) {
        transactions.inTransaction(() -> {
            ownables.requireExisting(resourceType, resourceId);
            requireMember(ownerId);
            policies.setOwner(resourceType, resourceId, ownerId, clock.instant());
            audit.record(
                    TenantContext.require(),
                    Actor.of(actor)
                            .act("resource.owner_set")
                            .on(resourceType, resourceId, "identity.resource_ownership")
                            .values(Map.of("owner_id", ownerId.toString()))
                            .from(origin));
        });
    }

    private void requireMember(UUID userId) {
        if (!memberships.isMember(userId)) {
            throw MemberNotFound.forId(userId);
        }
    }
}

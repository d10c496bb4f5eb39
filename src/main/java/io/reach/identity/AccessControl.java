package io.reach.identity;

import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.identity.access.AccessPolicies;
import io.reach.identity.access.AccessPolicy;
import io.reach.identity.access.Delegation;
import io.reach.identity.access.Roles;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * A workspace's members and their roles, its custom roles and its attribute-based access policies:
 * who may change what (nobody changes the owner's role or their own, nobody grants more than they
 * hold), each change audited with who made it.
 */
@Service
class AccessControl {

    private final Memberships memberships;
    private final Roles roles;
    private final AccessPolicies policies;
    private final Delegation delegation;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Clock clock;

    AccessControl(
            Memberships memberships,
            Roles roles,
            AccessPolicies policies,
            Delegation delegation,
            AuditTrail audit,
            TenantTransactions transactions,
            Clock clock) {
        this.memberships = memberships;
        this.roles = roles;
        this.policies = policies;
        this.delegation = delegation;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    CursorPage<Memberships.Member> members(PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                memberships.inTenant(page.afterOrStart(), page.fetchSize()), page, Memberships.Member::id));
    }

    /** Gives member {@code id} another role of the workspace (and, optionally, another user type). */
    Memberships.Member changeMember(
            @Nullable Object actor, UUID id, String role, @Nullable UserType userType, RequestOrigin origin) {
        return transactions.inTransaction(() -> {
            Memberships.Member before = memberships.findInTenant(id).orElseThrow(() -> MemberNotFound.forId(id));
            roles.findByName(role)
                    .orElseThrow(() ->
                            new InvalidRequestException(new FieldError("role", "is not a role of this workspace")));
            if (before.role().equals(Roles.OWNER)) {
                throw new ConflictException("Owner role", "The owner's role does not change here");
            }
            if (before.userId().equals(Actor.of(actor).userId())) {
                throw new ConflictException("Own role", "Nobody changes their own role");
            }
            delegation.requireMayGiveRole(actor, role);
            memberships.setRole(id, role, userType, clock.instant());
            audit.record(
                    TenantContext.require(),
                    Actor.of(actor)
                            .act("member.role_changed")
                            .on("member", id, "identity.memberships")
                            .changed(Map.of("role", before.role()), Map.of("role", role))
                            .from(origin));
            return memberships.findInTenant(id).orElseThrow();
        });
    }

    List<Roles.RoleView> roles() {
        return transactions.inTransaction(roles::list);
    }

    List<Roles.Permission> permissions() {
        return transactions.inTransaction(roles::catalog);
    }

    /** A custom role with at most the permissions {@code actor} holds; its name is unique in the workspace. */
    Roles.RoleView createRole(
            @Nullable Object actor,
            String name,
            @Nullable String description,
            List<String> permissions,
            RequestOrigin origin) {
        return transactions.inTransaction(() -> {
            delegation.requireWithin(actor, permissions);
            if (roles.findByName(name).isPresent()) {
                throw new ConflictException("Role exists", "This workspace already has a role named " + name);
            }
            UUID id = roles.create(name, description, false, permissions, clock.instant());
            audit.record(
                    TenantContext.require(),
                    Actor.of(actor)
                            .act("role.created")
                            .on("role", id, "identity.roles")
                            .values(Map.of("name", name, "permissions", permissions))
                            .from(origin));
            return roles.list().stream()
                    .filter(created -> created.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        });
    }

    /** Deletes a custom role; the built-in ones stay (deleting one is an unknown id). */
    void deleteRole(@Nullable Object actor, UUID id, RequestOrigin origin) {
        transactions.inTransaction(() -> {
            if (!roles.deleteCustom(id)) {
                throw RoleNotFound.customForId(id);
            }
            recordRemoval(actor, "role.deleted", "role", id, "identity.roles", origin);
        });
    }

    CursorPage<AccessPolicies.PolicyView> policies(PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                policies.page(page.afterOrStart(), page.fetchSize()), page, AccessPolicies.PolicyView::id));
    }

    /** Adds a policy whose definition {@link AccessPolicy} accepts (each problem is a field error). */
    AccessPolicies.PolicyView createPolicy(
            @Nullable Object actor,
            String name,
            @Nullable String description,
            JsonNode definition,
            boolean enabled,
            RequestOrigin origin) {
        List<String> problems =
                definition.isObject() ? AccessPolicy.problems(definition) : List.of("must be a JSON object");
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream()
                    .map(problem -> new FieldError("policy_definition", problem))
                    .toArray(FieldError[]::new));
        }
        return transactions.inTransaction(() -> {
            UUID id = policies.create(name, description, definition, enabled, clock.instant());
            audit.record(
                    TenantContext.require(),
                    Actor.of(actor)
                            .act("policy.created")
                            .on("policy", id, "identity.access_control_policies")
                            .values(Map.of("name", name))
                            .from(origin));
            return policies.find(id).orElseThrow();
        });
    }

    void deletePolicy(@Nullable Object actor, UUID id, RequestOrigin origin) {
        transactions.inTransaction(() -> {
            if (!policies.delete(id)) {
                throw AccessPolicyNotFound.forId(id);
            }
            recordRemoval(actor, "policy.deleted", "policy", id, "identity.access_control_policies", origin);
        });
    }

    private void recordRemoval(
            @Nullable Object actor, String action, String type, UUID id, String table, RequestOrigin origin) {
        audit.record(
                TenantContext.require(),
                Actor.of(actor).act(action).on(type, id, table).from(origin));
    }
}

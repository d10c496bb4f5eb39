package io.reach.identity;

import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.identity.access.AccessPolicies;
import io.reach.identity.access.AccessPolicy;
import io.reach.identity.access.Roles;
import io.reach.identity.access.Scopes;
import io.reach.identity.access.SystemRoles;
import io.reach.platform.security.AccessDecisions;
import io.reach.platform.tenant.TenantTransactions;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one decision point, RBAC and ABAC together, deny overriding: an enabled policy that
 * matches with effect {@code deny} refuses (except the owner managing access); otherwise a user
 * is allowed when their roles grant the permission or a matching policy allows it, and an API
 * key when its scopes grant it and its creator, still a member, holds it too. Anyone else is
 * refused. Every refusal lands in {@code audit.access_logs}.
 */
@Component
class IdentityAccessDecisions implements AccessDecisions {

    private static final String POLICY_DENIAL = "denied by an access policy";

    private final Roles roles;
    private final AccessPolicies policies;
    private final AuditTrail audit;
    private final TenantTransactions transactions;

    IdentityAccessDecisions(Roles roles, AccessPolicies policies, AuditTrail audit, TenantTransactions transactions) {
        this.roles = roles;
        this.policies = policies;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public boolean allows(Authentication authentication, String resource, String action, RequestContext context) {
        return refusal(authentication, resource, action, context) == null;
    }

    @Override
    public Set<String> held(Authentication authentication, Collection<String> permissions, RequestContext context) {
        Object principal = authentication.getPrincipal();
        if (!(principal instanceof UserPrincipal) && !(principal instanceof ApiKeyPrincipal)) {
            return Set.of();
        }
        return transactions.inTransaction(() -> permissions.stream()
                .filter(permission -> {
                    int colon = permission.indexOf(':');
                    return denial(principal, permission.substring(0, colon), permission.substring(colon + 1), context)
                            == null;
                })
                .collect(Collectors.toSet()));
    }

    @Override
    public @Nullable String refusal(
            Authentication authentication, String resource, String action, RequestContext context) {
        Object principal = authentication.getPrincipal();
        if (!(principal instanceof UserPrincipal) && !(principal instanceof ApiKeyPrincipal)) {
            return "These credentials do not act within a workspace";
        }
        String denial = transactions.inTransaction(() -> denial(principal, resource, action, context));
        if (denial == null) {
            return null;
        }
        audit.recordDenial(
                Actor.of(principal).userId(),
                resource,
                context.resourceId(),
                action,
                denial,
                new RequestOrigin(context.ipAddress(), context.userAgent()));
        return explained(principal, denial, resource + ":" + action);
    }

    /** The audit's reason in the caller's words: which rule refused, not who holds the permission instead. */
    private static String explained(Object principal, String denial, String permission) {
        if (denial.equals(POLICY_DENIAL)) {
            return "An access policy of this workspace refuses " + permission;
        }
        return principal instanceof ApiKeyPrincipal
                ? "This API key lacks the permission " + permission + " (in its scopes or its creator's role)"
                : "Your role lacks the permission " + permission;
    }

    /** Why the request is refused, or null when it is allowed. */
    private @Nullable String denial(Object principal, String resource, String action, RequestContext context) {
        Map<String, @Nullable String> attributes = attributes(principal, resource, context);
        List<AccessPolicy> matching = policies.enabled().stream()
                .filter(policy -> policy.appliesTo(resource, action, attributes))
                .toList();
        if (matching.stream().anyMatch(AccessPolicy::isDeny) && !ownerManagingAccess(principal, resource)) {
            return POLICY_DENIAL;
        }
        boolean granted = switch (principal) {
            case UserPrincipal user -> roles.grants(user.role(), user.userId(), resource, action);
            case ApiKeyPrincipal key ->
                Scopes.grants(key.scopes(), resource, action) && roles.grantsMember(key.createdBy(), resource, action);
            default -> false;
        };
        boolean allowedByPolicy =
                principal instanceof UserPrincipal && matching.stream().anyMatch(p -> !p.isDeny());
        if (granted || allowedByPolicy) {
            return null;
        }
        return switch (principal) {
            case UserPrincipal user -> "role " + user.role() + " does not grant " + resource + ":" + action;
            case ApiKeyPrincipal key -> "API key " + key.keyId() + " lacks the scope " + resource + ":" + action;
            default -> "unknown principal";
        };
    }

    /**
     * No policy can lock the owner out of who-has-access (members, roles, policies, keys, audit):
     * otherwise one bad policy would leave a workspace nobody can repair.
     */
    private static boolean ownerManagingAccess(Object principal, String resource) {
        return principal instanceof UserPrincipal user
                && user.role().equals(Roles.OWNER)
                && SystemRoles.ACCESS_RESOURCES.contains(resource);
    }

    private Map<String, @Nullable String> attributes(Object principal, String resource, RequestContext context) {
        Map<String, @Nullable String> attributes = new HashMap<>();
        UUID user = Actor.of(principal).userId();
        attributes.put("subject.user_id", user == null ? null : user.toString());
        attributes.put("subject.role", principal instanceof UserPrincipal u ? u.role() : null);
        attributes.put("subject.type", principal instanceof UserPrincipal ? "user" : "api_key");
        attributes.put("resource.type", resource);
        attributes.put("resource.id", context.resourceId());
        attributes.put("resource.owner_id", ownerOf(resource, context.resourceId()));
        attributes.put("request.method", context.method());
        attributes.put("request.ip", context.ipAddress());
        return attributes;
    }

    private @Nullable String ownerOf(String resource, @Nullable String resourceId) {
        if (resourceId == null) {
            return null;
        }
        try {
            return policies.ownerOf(resource, UUID.fromString(resourceId))
                    .map(UUID::toString)
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

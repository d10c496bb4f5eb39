package io.reach.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.platform.security.AccessDecisions;

/**
 * The decision point: a signed-in user may do what their role grants; an API key what its
 * scopes grant; anyone else nothing. Every refusal lands in {@code audit.access_logs}.
 */
@Component
class IdentityAccessDecisions implements AccessDecisions {

    private final AuditTrail audit;

    IdentityAccessDecisions(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public boolean allows(Authentication authentication, String resource, String action, RequestContext context) {
        Object principal = authentication.getPrincipal();
        boolean allowed = switch (principal) {
            case UserPrincipal user -> SystemRoles.allows(user.role(), resource, action);
            case ApiKeyPrincipal key -> Scopes.grants(key.scopes(), resource, action);
            case null, default -> false;
        };
        if (!allowed && (principal instanceof UserPrincipal || principal instanceof ApiKeyPrincipal)) {
            audit.recordDenial(actingUser(principal), resource, null, action, reason(principal),
                    new RequestOrigin(context.ipAddress(), context.userAgent()));
        }
        return allowed;
    }

    private static @Nullable UUID actingUser(Object principal) {
        return switch (principal) {
            case UserPrincipal user -> user.userId();
            case ApiKeyPrincipal key -> key.createdBy();
            default -> null;
        };
    }

    private static String reason(Object principal) {
        return switch (principal) {
            case UserPrincipal user -> "role " + user.role() + " does not grant it";
            case ApiKeyPrincipal key -> "API key " + key.keyId() + " lacks the scope";
            default -> "unknown principal";
        };
    }
}

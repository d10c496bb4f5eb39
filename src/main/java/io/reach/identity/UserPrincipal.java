package io.reach.identity;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantScoped;
import io.reach.platform.tenant.UserScoped;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/** A signed-in user acting within one tenant, as an access token says. */
public record UserPrincipal(
        UUID userId,
        TenantId tenantId,
        UUID membershipId,
        String role,
        String email,
        Set<String> scopes,
        String platformRole)
        implements TenantScoped, UserScoped, AuthenticatedPrincipal {

    /** Platform roles {@code super_admin} and {@code admin} may also use the platform admin API. */
    public boolean isPlatformAdmin() {
        return UserRole.administersPlatform(platformRole);
    }

    /**
     * Throws unless the user is an owner or admin of the tenant (who approve posts, connect
     * accounts and record consent); {@code what} says what only they may do.
     */
    public void requireOwnerOrAdmin(String what) {
        if (!role.equals("owner") && !role.equals("admin")) {
            throw new org.springframework.security.access.AccessDeniedException("Only owners and admins may " + what);
        }
    }

    @Override
    public String getName() {
        return "user:" + userId;
    }
}

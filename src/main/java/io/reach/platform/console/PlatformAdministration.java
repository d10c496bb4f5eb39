package io.reach.platform.console;

import io.reach.platform.security.PlatformAdmin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The check every platform-administration page makes first: the signed-in person holds the
 * platform admin role, the same authority the admin API asks for (granted to a person whose
 * platform role administers the platform, {@code UserPrincipal.isPlatformAdmin()}).
 */
public final class PlatformAdministration {

    private PlatformAdministration() {}

    /** Throws (a 403) unless the current person is a platform admin. */
    public static void requirePlatformAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(granted -> ("ROLE_" + PlatformAdmin.ROLE).equals(granted.getAuthority()));
        if (!admin) {
            throw new AccessDeniedException("Only platform admins may administer the platform");
        }
    }
}

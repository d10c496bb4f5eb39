package io.reach.identity.access;

import java.util.List;
import java.util.Map;

/**
 * What each built-in role may do, as seeded into every tenant's {@code identity.roles}. Owners
 * and admins everything; editors read and change everything but who has access and the
 * workspace's settings; analysts,
 * members and retailers read everything but who has access.
 */
public final class SystemRoles {

    public static final List<String> ACCESS_RESOURCES =
            List.of("members", "api_keys", "roles", "audit_logs", "policies");
    static final List<String> NAMES = List.of("owner", "admin", "editor", "analyst", "member", "retailer");

    private static final Map<String, List<String>> GRANTS = Map.of(
            "owner", List.of("*"),
            "admin", List.of("*"),
            "editor", List.of("*:read", "*:write"),
            "analyst", List.of("*:read"),
            "member", List.of("*:read"),
            "retailer", List.of("*:read", "campaign_sends:write"));

    private SystemRoles() {}

    static boolean allows(String role, String resource, String action) {
        List<String> grants = GRANTS.getOrDefault(role, List.of());
        if (ACCESS_RESOURCES.contains(resource) && !role.equals("owner") && !role.equals("admin")) {
            return false;
        }
        if (resource.equals("tenant")
                && PermissionAction.WRITE.code().equals(action)
                && !role.equals("owner")
                && !role.equals("admin")) {
            return false; // workspace settings govern the whole workspace
        }
        return Scopes.grants(grants, resource, action);
    }

    static boolean isSystemRole(String role) {
        return GRANTS.containsKey(role);
    }
}

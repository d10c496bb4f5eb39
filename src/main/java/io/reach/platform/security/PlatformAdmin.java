package io.reach.platform.security;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantScoped;

/** The platform operator, authenticated by the admin token; works in the platform's own scope. */
public record PlatformAdmin(String source) implements TenantScoped {

    public static final String ROLE = "PLATFORM_ADMIN";

    @Override
    public TenantId tenantId() {
        return TenantId.PLATFORM;
    }
}

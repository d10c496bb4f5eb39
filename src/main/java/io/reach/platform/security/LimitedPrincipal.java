package io.reach.platform.security;

import io.reach.platform.tenant.TenantScoped;

/**
 * A principal that carries its whole grant itself, such as a public site key that may only write
 * events: {@link RequiresPermission} checks ask it alone, never roles or policies.
 */
public interface LimitedPrincipal extends TenantScoped {

    boolean permits(String resource, String action);
}

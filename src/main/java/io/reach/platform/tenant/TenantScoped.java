package io.reach.platform.tenant;

/** An authenticated principal that acts within one tenant; its tenant scopes every transaction it runs. */
public interface TenantScoped {

    TenantId tenantId();
}

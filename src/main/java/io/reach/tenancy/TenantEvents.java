package io.reach.tenancy;

import java.util.UUID;

/** What other modules may react to; each event names its tenant. */
public final class TenantEvents {

    private TenantEvents() {}

    public record TenantCreated(UUID tenantId, String slug) {}

    public record TenantSuspended(UUID tenantId, String reason) {}

    public record TenantReactivated(UUID tenantId) {}
}

package io.reach.tenancy;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own tenant, for any principal that acts within one. */
@RestController
@Tag(name = "Tenant")
@SecurityRequirement(name = "bearer")
class CurrentTenantController {

    private final TenantManagement tenants;
    private final QuotaEnforcement quotas;

    CurrentTenantController(TenantManagement tenants, QuotaEnforcement quotas) {
        this.tenants = tenants;
        this.quotas = quotas;
    }

    @GetMapping("/api/v1/tenant")
    @RequiresPermission(resource = "tenant", action = "read")
    @Operation(summary = "The tenant the caller's credentials belong to")
    TenantDetails current() {
        TenantId tenant =
                TenantContext.current().filter(id -> !id.isPlatform()).orElseThrow(TenantNotFound::ofTheseCredentials);
        return tenants.get(tenant.value());
    }

    @GetMapping("/api/v1/tenant/quotas")
    @RequiresPermission(resource = "tenant", action = "read")
    @Operation(
            summary = "The caller's tenant's quotas: each limit (null = unlimited) with what is used and remains",
            description = "Counted quotas (members and pending invitations, campaigns not archived, connected social"
                    + " accounts) now; monthly ones in the current UTC month; API requests in the current minute's"
                    + " window on the node that answers")
    QuotaUsage.OfTenant quotas() {
        TenantId tenant =
                TenantContext.current().filter(id -> !id.isPlatform()).orElseThrow(TenantNotFound::ofTheseCredentials);
        return quotas.usage(tenant);
    }
}

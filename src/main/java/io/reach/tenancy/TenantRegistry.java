package io.reach.tenancy;

import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the kernel's questions about tenants from the registry table. */
@Component
class TenantRegistry implements TenantDirectory {

    private final Tenants tenants;

    TenantRegistry(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public boolean isActive(TenantId tenant) {
        return Boolean.TRUE.equals(tenants.isActive(tenant.value()));
    }

    @Override
    public Optional<TenantId> activeBySlug(String slug) {
        return Optional.ofNullable(tenants.activeIdBySlug(slug)).map(TenantId::of);
    }

    @Override
    public List<TenantId> allTenants() {
        return tenants.allIds().stream().map(TenantId::of).toList();
    }
}

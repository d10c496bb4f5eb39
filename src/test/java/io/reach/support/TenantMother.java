package io.reach.support;

import io.reach.tenancy.CreateTenant;
import io.reach.tenancy.TenantDetails;
import io.reach.tenancy.TenantManagement;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Makes tenants for tests, each with a unique name so tests never meet each other's data. */
@TestComponent
public class TenantMother {

    private final TenantManagement tenants;

    public TenantMother(TenantManagement tenants) {
        this.tenants = tenants;
    }

    public TenantDetails aTenant() {
        return aTenantNamed("Test tenant " + UUID.randomUUID());
    }

    public TenantDetails aTenantNamed(String name) {
        return tenants.create(new CreateTenant(name, null, null, null, null, null));
    }
}

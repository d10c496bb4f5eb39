package io.reach.tenancy;

import java.util.UUID;

import io.reach.platform.web.NotFoundException;

/** No tenant has this id. */
class TenantNotFound extends NotFoundException {

    private TenantNotFound(UUID id) {
        super("Tenant", id);
    }

    static TenantNotFound forId(UUID id) {
        return new TenantNotFound(id);
    }
}

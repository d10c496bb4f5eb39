package io.reach.tenancy;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No tenant has this id, or the caller's credentials name none (the platform's own credentials). */
class TenantNotFound extends NotFoundException {

    private TenantNotFound(Object id) {
        super("Tenant", id);
    }

    static TenantNotFound ofTheseCredentials() {
        return new TenantNotFound("of these credentials");
    }

    static TenantNotFound forId(UUID id) {
        return new TenantNotFound(id);
    }
}

package io.reach.tenancy;

import io.reach.platform.web.ConflictException;
import java.util.UUID;

/** A lifecycle change the tenant's current state does not allow, or a name another tenant holds. */
class TenantStateConflict extends ConflictException {

    private TenantStateConflict(String title, String detail) {
        super(title, detail);
    }

    static TenantStateConflict alreadySuspended(UUID id) {
        return new TenantStateConflict("Tenant already suspended", "Tenant " + id + " is already suspended");
    }

    static TenantStateConflict alreadyActive(UUID id) {
        return new TenantStateConflict("Tenant already active", "Tenant " + id + " is not suspended");
    }

    static TenantStateConflict slugTaken(String slug) {
        return new TenantStateConflict("Slug taken", "Another tenant already has the slug " + slug);
    }

    static TenantStateConflict domainTaken(String domain) {
        return new TenantStateConflict("Custom domain taken", "Another tenant already uses the domain " + domain);
    }
}

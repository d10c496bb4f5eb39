package io.reach.platform.tenant;

import java.util.List;
import java.util.Optional;

/**
 * What the kernel needs to know about tenants, answered by the tenancy module: whether one may
 * act, and which exist (for work that visits every tenant in turn).
 */
public interface TenantDirectory {

    boolean isActive(TenantId tenant);

    List<TenantId> allTenants();

    /** The active tenant with this slug (public addresses name a workspace by its slug). */
    Optional<TenantId> activeBySlug(String slug);
}

package io.reach.measurement.ingest;

import io.reach.platform.tenant.TenantId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What the ingestion path needs to know of the module's sites and site keys, answered by the
 * module root (which owns their tables), so the path depends on the sites only through this.
 */
public interface IngestSites {

    /** The site a batch is written into, with what it excludes. */
    record Target(UUID id, SiteExclusions exclusions) {}

    /** An active site key of an active workspace, the site it writes into and the origins it allows. */
    record ActiveKey(TenantId tenant, UUID id, UUID siteId, Predicate<String> allowsOrigin) {}

    /** The tenant's site {@code site} (null: its default site); an unknown one is a 404. */
    Target chosen(TenantId tenant, @Nullable UUID site);

    /** The key, if it is active and its workspace is too. */
    Optional<ActiveKey> activeKey(@Nullable String key);
}

package io.reach.measurement.rollup;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the rollups need to know of the current tenant's sites, answered by the module root (which
 * owns them), so the rollups depend on the sites only through this.
 */
public interface RollupSites {

    /** A site and the zone it asks for (null: the workspace's). */
    record MeasuredSite(UUID id, @Nullable String timeZone) {}

    /** The default site; empty when the tenant has none yet (it has measured nothing). */
    Optional<MeasuredSite> findDefault();

    /** All the tenant's sites. */
    List<MeasuredSite> all();

    /** The zone the site's days are cut in: its own, else the workspace's. */
    ZoneId zoneOf(MeasuredSite site);
}

package io.reach.measurement;

import io.reach.measurement.rollup.RollupSites;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the rollups from the current tenant's sites and time zone setting. */
@Component
class SitesForRollups implements RollupSites {

    private final Sites sites;
    private final TenantZones zones;

    SitesForRollups(Sites sites, TenantZones zones) {
        this.sites = sites;
        this.zones = zones;
    }

    @Override
    public Optional<MeasuredSite> findDefault() {
        return sites.findDefault().map(SitesForRollups::measured);
    }

    @Override
    public List<MeasuredSite> all() {
        return sites.all().stream().map(SitesForRollups::measured).toList();
    }

    @Override
    public ZoneId zoneOf(MeasuredSite site) {
        return zones.ofSite(site.timeZone());
    }

    private static MeasuredSite measured(Sites.Site site) {
        return new MeasuredSite(site.id(), site.timeZone());
    }
}

package io.reach.measurement;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.BadRequestException;
import io.reach.tenancy.TenantManagement;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The current tenant's time zone (setting {@code time_zone}, else UTC), which dashboards and daily rollups cut days in. */
@Component
class TenantZones {

    private final TenantManagement tenants;

    TenantZones(TenantManagement tenants) {
        this.tenants = tenants;
    }

    /** The tenant's zone; UTC when unset or not a zone. */
    ZoneId configured() {
        Object configured = tenants.settingsOf(TenantContext.require()).get("time_zone");
        try {
            return configured instanceof String name ? ZoneId.of(name) : ZoneId.of("UTC");
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** A site's zone: its own, else the tenant's. */
    ZoneId of(Sites.Site site) {
        return ofSite(site.timeZone());
    }

    /** A site's zone from the zone it asks for (null: none): that one, else the tenant's. */
    ZoneId ofSite(@Nullable String timeZone) {
        if (timeZone != null) {
            try {
                return ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                return configured();
            }
        }
        return configured();
    }

    /** The asked zone, else the tenant's; a 400 when the asked one is not an IANA zone. */
    ZoneId requestedOrConfigured(@Nullable String requested) {
        if (requested == null) {
            return configured();
        }
        try {
            return ZoneId.of(requested);
        } catch (DateTimeException e) {
            throw new BadRequestException(
                    "Invalid time zone", requested + " is not an IANA time zone such as Europe/Paris");
        }
    }
}

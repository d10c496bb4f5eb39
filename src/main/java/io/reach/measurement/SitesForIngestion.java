package io.reach.measurement;

import io.reach.measurement.ingest.IngestSites;
import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Answers the ingestion path from the sites and site keys, each read in a transaction of its tenant. */
@Component
class SitesForIngestion implements IngestSites {

    private final Sites sites;
    private final SiteKeys keys;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;

    SitesForIngestion(Sites sites, SiteKeys keys, TenantTransactions transactions, TenantDirectory tenants) {
        this.sites = sites;
        this.keys = keys;
        this.transactions = transactions;
        this.tenants = tenants;
    }

    @Override
    public Target chosen(TenantId tenant, @Nullable UUID site) {
        Sites.Site into = transactions.inTransactionAs(tenant, () -> sites.chosen(site));
        return new Target(into.id(), into.exclusions());
    }

    @Override
    public Optional<ActiveKey> activeKey(@Nullable String key) {
        if (key == null) {
            return Optional.empty();
        }
        return SiteKeys.tenantOf(key)
                .map(TenantId::of)
                .filter(tenants::isActive)
                .flatMap(tenant -> transactions
                        .inTransactionAs(tenant, () -> keys.findActive(key))
                        .map(found -> new ActiveKey(tenant, found.id(), found.siteId(), found::allows)));
    }
}

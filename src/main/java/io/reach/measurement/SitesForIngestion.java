package io.reach.measurement;

import io.reach.measurement.ingest.IngestSites;
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
    private final TenantTransactions transactions;
    private final PublicSiteKeys publicKeys;

    SitesForIngestion(Sites sites, TenantTransactions transactions, PublicSiteKeys publicKeys) {
        this.sites = sites;
        this.transactions = transactions;
        this.publicKeys = publicKeys;
    }

    @Override
    public Target chosen(TenantId tenant, @Nullable UUID site) {
        Sites.Site into = transactions.inTransactionAs(tenant, () -> sites.chosen(site));
        return new Target(into.id(), into.exclusions());
    }

    @Override
    public Optional<ActiveKey> activeKey(@Nullable String key) {
        return publicKeys
                .active(key)
                .map(grant -> new ActiveKey(grant.tenant(), grant.keyId(), grant.siteId(), grant.allowsOrigin()));
    }
}

package io.reach.measurement;

import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Public site keys as other modules may check them (the conversion pixel): an active key of an
 * active workspace, with the origins it accepts. Each key is read in a transaction of its tenant.
 */
@Component
public class PublicSiteKeys {

    private final SiteKeys keys;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;

    PublicSiteKeys(SiteKeys keys, TenantTransactions transactions, TenantDirectory tenants) {
        this.keys = keys;
        this.transactions = transactions;
        this.tenants = tenants;
    }

    /** What an active key grants: writing for its workspace and site, from the origins it allows. */
    public record Grant(TenantId tenant, UUID keyId, UUID siteId, Predicate<String> allowsOrigin) {}

    public Optional<Grant> active(@Nullable String key) {
        if (key == null) {
            return Optional.empty();
        }
        return SiteKeys.tenantOf(key)
                .map(TenantId::of)
                .filter(tenants::isActive)
                .flatMap(tenant -> transactions
                        .inTransactionAs(tenant, () -> keys.findActive(key))
                        .map(found -> new Grant(tenant, found.id(), found.siteId(), found::allows)));
    }
}

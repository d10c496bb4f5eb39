package io.reach.platform.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/**
 * The one place that does work across tenants (scheduled clean-ups, maintenance). It never
 * bypasses row-level security: it visits the tenants one by one and binds each before its work.
 */
@Component
public class AllTenants {

    private final TenantDirectory directory;
    private final TenantTransactions transactions;

    public AllTenants(TenantDirectory directory, TenantTransactions transactions) {
        this.directory = directory;
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} as every tenant and as the platform itself, each in its own transaction;
     * returns the sum of what it counted.
     */
    public int sumOverTenantsAndPlatform(ToIntFunction<TenantId> work) {
        List<TenantId> scopes = new ArrayList<>(directory.allTenants());
        scopes.add(TenantId.PLATFORM);
        int total = 0;
        for (TenantId tenant : scopes) {
            total += transactions.inTransactionAs(tenant, () -> work.applyAsInt(tenant));
        }
        return total;
    }
}

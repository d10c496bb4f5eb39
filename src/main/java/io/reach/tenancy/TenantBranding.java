package io.reach.tenancy;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import org.springframework.stereotype.Component;

/** A workspace's white label as other modules' public pages show it (a report shared with a sponsor). */
@Component
public class TenantBranding {

    private final TenantConfigurations configurations;
    private final TenantTransactions transactions;

    TenantBranding(TenantConfigurations configurations, TenantTransactions transactions) {
        this.configurations = configurations;
        this.transactions = transactions;
    }

    /** The workspace's brand name, logo, colour and domain; none set when it has none. */
    public WhiteLabel of(TenantId tenant) {
        return transactions.inTransactionAs(
                tenant,
                () -> configurations.find().map(TenantConfiguration::whiteLabel).orElse(WhiteLabel.none()));
    }
}

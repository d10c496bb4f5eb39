package io.reach.contacts;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** The workspace's preference-centre branding: read (the default until one is saved) and changed. */
@Service
public class PreferenceCentreSettings {

    private final PreferenceCentres centres;
    private final TenantTransactions transactions;
    private final Clock clock;

    PreferenceCentreSettings(PreferenceCentres centres, TenantTransactions transactions, Clock clock) {
        this.centres = centres;
        this.transactions = transactions;
        this.clock = clock;
    }

    public PreferenceBranding current() {
        return transactions.inTransaction(() -> centres.find().orElse(PreferenceBranding.DEFAULT));
    }

    /** Checks and saves the branding (a 400 naming what is wrong); answers it as saved. */
    public PreferenceBranding change(PreferenceBranding branding) {
        PreferenceBranding checked = branding.checked();
        transactions.inTransaction(() -> centres.save(checked, clock.instant()));
        return checked;
    }

    /** The branding of a workspace a public page belongs to. */
    PreferenceBranding of(TenantId tenant) {
        return transactions.inTransactionAs(tenant, () -> centres.find().orElse(PreferenceBranding.DEFAULT));
    }
}

package io.reach.platform.tenant;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs work in a transaction as a given tenant, for code that is not that tenant's own request. */
@Component
public class TenantTransactions {

    private final TransactionTemplate transactions;
    private final TransactionTemplate suspending;

    public TenantTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.suspending = new TransactionTemplate(transactionManager);
        suspending.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /**
     * Runs {@code work} in a transaction bound to {@code tenant}. A transaction already begun for
     * the same tenant is joined; one begun for another tenant (or none) is suspended and a new one
     * opened, so the work never runs under another tenant's {@code app.tenant_id}.
     */
    public <T> T inTransactionAs(TenantId tenant, Supplier<T> work) {
        Optional<Optional<TenantId>> active = TenantAwareTransactionManager.transactionTenant();
        if (active.isEmpty() || active.get().equals(Optional.of(tenant))) {
            return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
        }
        return suspending.execute(
                outer -> TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get())));
    }

    /** {@link #inTransactionAs(TenantId, Supplier)} for work that returns nothing. */
    public void inTransactionAs(TenantId tenant, Runnable work) {
        inTransactionAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} for {@code user} (so policies on {@code app.user_id} apply) in the current
     * tenant: joins a transaction already acting for that user, else suspends it and opens one.
     */
    public <T> T inTransactionAsUser(UUID user, Supplier<T> work) {
        Optional<Optional<UUID>> active = TenantAwareTransactionManager.transactionUser();
        if (active.isEmpty() || active.get().equals(Optional.of(user))) {
            return TenantContext.callAsUser(user, () -> transactions.execute(status -> work.get()));
        }
        return suspending.execute(
                outer -> TenantContext.callAsUser(user, () -> transactions.execute(status -> work.get())));
    }

    /** {@link #inTransactionAsUser(UUID, Supplier)} for work that returns nothing. */
    public void inTransactionAsUser(UUID user, Runnable work) {
        inTransactionAsUser(user, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} outside any transaction, suspending one in progress. For work that follows a commit: in
     * {@code afterCommit} the committed transaction's connection is still bound, so what runs there joins it and
     * is only committed when the connection is given back (a db-scheduler task scheduled there was not yet
     * visible to the scheduler's immediate check, and waited for its next poll).
     */
    public void outsideTransaction(Runnable work) {
        suspending.executeWithoutResult(status -> work.run());
    }

    /** Runs {@code work} in a transaction (joining one in progress) as whichever tenant is current. */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** {@link #inTransaction(Supplier)} for work that returns nothing. */
    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }
}

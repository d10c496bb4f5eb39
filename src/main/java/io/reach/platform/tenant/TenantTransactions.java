package io.reach.platform.tenant;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs a piece of work in its own transaction as a given tenant, for code that is not a tenant's request. */
@Component
public class TenantTransactions {

    private final TransactionTemplate transactions;
    private final TransactionTemplate newTransactions;

    public TenantTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.newTransactions = new TransactionTemplate(transactionManager);
        newTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs {@code work} in a new transaction bound to {@code tenant}. Always a new one: joining a
     * transaction begun for another tenant would keep that tenant's {@code app.tenant_id}.
     */
    public <T> T inTransactionAs(TenantId tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> newTransactions.execute(status -> work.get()));
    }

    /** Runs {@code work} in a transaction (joining one in progress) as whichever tenant is current. */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}

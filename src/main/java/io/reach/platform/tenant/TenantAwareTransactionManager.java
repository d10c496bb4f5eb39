package io.reach.platform.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opens every transaction with {@code set_config('app.tenant_id', <tenant>, true)} (and
 * {@code app.user_id} for the user it acts for, if any): the setting
 * lives exactly as long as the transaction, so a pooled connection never carries a tenant over.
 * No tenant bound means the empty setting, under which tenant tables show no rows and accept none.
 *
 * <p>A transaction remembers the tenant it began with. Joining it while another tenant is bound
 * would silently act as the first tenant, so that is refused; switching tenants goes through
 * {@link TenantTransactions#inTransactionAs}, which suspends the transaction first.
 */
public class TenantAwareTransactionManager extends JdbcTransactionManager {

    private static final String SET_CONTEXT =
            "select set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)";
    private static final Object TENANT_KEY = new Object();

    public TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    /** The tenant the current transaction began with; empty when no transaction is active. */
    static Optional<Optional<TenantId>> transactionTenant() {
        Object bound = TransactionSynchronizationManager.getResource(TENANT_KEY);
        return bound == null ? Optional.empty() : Optional.of(((BoundTenant) bound).tenant());
    }

    /** The user the current transaction acts for; empty when no transaction is active. */
    static Optional<Optional<UUID>> transactionUser() {
        Object bound = TransactionSynchronizationManager.getResource(TENANT_KEY);
        return bound == null ? Optional.empty() : Optional.of(((BoundTenant) bound).user());
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        Optional<TenantId> tenant = TenantContext.current();
        try (PreparedStatement statement = connection.prepareStatement(SET_CONTEXT)) {
            statement.setString(1, tenant.map(TenantId::toString).orElse(""));
            statement.setString(
                    2, TenantContext.currentUser().map(UUID::toString).orElse(""));
            statement.execute();
        }
        TransactionSynchronizationManager.bindResource(
                TENANT_KEY, new BoundTenant(tenant, TenantContext.currentUser()));
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        boolean existing = super.isExistingTransaction(transaction);
        Object bound = TransactionSynchronizationManager.getResource(TENANT_KEY);
        if (existing
                && bound instanceof BoundTenant(Optional<TenantId> tenant, Optional<UUID> user)
                && !Objects.equals(tenant, TenantContext.current())) {
            throw new IllegalTransactionStateException("A transaction begun for tenant " + tenant.orElse(null)
                    + " cannot be used for tenant " + TenantContext.current().orElse(null)
                    + "; switch tenants with TenantTransactions.inTransactionAs");
        }
        return existing;
    }

    @Override
    protected Object doSuspend(Object transaction) {
        Object bound = TransactionSynchronizationManager.unbindResourceIfPossible(TENANT_KEY);
        return new Suspended(super.doSuspend(transaction), bound);
    }

    @Override
    protected void doResume(@Nullable Object transaction, Object suspendedResources) {
        Suspended suspended = (Suspended) suspendedResources;
        super.doResume(transaction, suspended.resources());
        if (suspended.tenant() != null) {
            TransactionSynchronizationManager.bindResource(TENANT_KEY, suspended.tenant());
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        TransactionSynchronizationManager.unbindResourceIfPossible(TENANT_KEY);
        super.doCleanupAfterCompletion(transaction);
    }

    private record BoundTenant(Optional<TenantId> tenant, Optional<UUID> user) {}

    private record Suspended(Object resources, @Nullable Object tenant) {}
}

package io.reach.platform.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Opens every transaction with {@code set_config('app.tenant_id', <tenant>, true)}: the setting
 * lives exactly as long as the transaction, so a pooled connection never carries a tenant over.
 * No tenant bound means the empty setting, under which tenant tables show no rows and accept none.
 */
public class TenantAwareTransactionManager extends JdbcTransactionManager {

    private static final String SET_TENANT = "select set_config('app.tenant_id', ?, true)";

    public TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        try (PreparedStatement statement = connection.prepareStatement(SET_TENANT)) {
            statement.setString(1, TenantContext.current().map(TenantId::toString).orElse(""));
            statement.execute();
        }
    }
}

package io.reach.identity;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What other modules may ask the identity module: who to tell about a workspace. */
@Service
public class IdentityDirectory {

    private static final String ADMINISTRATORS = """
            select u.email from identity.memberships m join identity.users u on u.id = m.user_id
            where m.tenant_id = platform.current_tenant_id() and m.status = 'active' and u.status = 'active'
              and m.role in ('owner', 'admin')
            order by m.joined_at""";

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;

    IdentityDirectory(JdbcClient jdbc, TenantTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The e-mail addresses of a workspace's owner and admins. */
    public List<String> administratorEmails(TenantId tenant) {
        return transactions.inTransactionAs(
                tenant, () -> jdbc.sql(ADMINISTRATORS).query(String.class).list());
    }
}

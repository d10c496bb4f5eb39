package io.reach.social;

import io.reach.platform.tenant.TenantTransactions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The current workspace's accounts by name, for other modules' pages to label and offer them. */
@Service
public class AccountNames {

    /** At most this many accounts are named: more than any workspace's plan allows. */
    static final int MOST = 500;

    /** An account as a page names it: "@handle (platform)", and whether it is still connected. */
    public record Named(UUID id, String platform, String handle, boolean connected) {

        public String label() {
            return handle + " (" + platform + ")";
        }
    }

    private final SocialAccounts accounts;
    private final TenantTransactions transactions;

    AccountNames(SocialAccounts accounts, TenantTransactions transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
    }

    /** Each account's label by id. */
    public Map<UUID, String> labels() {
        return all().stream().collect(Collectors.toMap(Named::id, Named::label));
    }

    /** Every account of the workspace, disconnected ones too (their automations and posts remain). */
    public List<Named> all() {
        return transactions.inTransaction(() -> accounts.page(new UUID(0, 0), MOST).stream()
                .map(account -> new Named(
                        account.id(),
                        account.platform(),
                        account.handle(),
                        !account.status().equals(AccountStatus.DISCONNECTED.code())))
                .toList());
    }
}

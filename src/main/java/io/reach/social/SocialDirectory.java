package io.reach.social;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.reach.platform.tenant.TenantTransactions;

/** What other modules may ask the social module: a connected account of the current tenant, with its platform's limits. */
@Service
public class SocialDirectory {

    private final SocialAccounts accounts;
    private final SocialChannels channels;
    private final TenantTransactions transactions;

    SocialDirectory(SocialAccounts accounts, SocialChannels channels, TenantTransactions transactions) {
        this.accounts = accounts;
        this.channels = channels;
        this.transactions = transactions;
    }

    public record ConnectedAccount(UUID id, String platform, String status, SocialChannel channel) {
    }

    public Optional<ConnectedAccount> account(UUID id) {
        return transactions.inTransaction(() -> accounts.find(id).flatMap(account -> channels.byName(account.platform())
                .map(channel -> new ConnectedAccount(account.id(), account.platform(), account.status(), channel))));
    }
}

package io.reach.social;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.platform.ProviderRefused;
import io.reach.social.platform.SocialProvider;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Renews an account's tokens, one renewal per account at a time: the token row is locked, and a
 * caller that finds the tokens already renewed meanwhile (by a publish, a sync, the refresh job)
 * takes those instead of spending the refresh token again. Platforms such as X issue single-use
 * refresh tokens, so a second renewal with the same one would be refused.
 */
@Component
class TokenRenewal {

    private final SocialAccounts accounts;
    private final TenantTransactions transactions;
    private final Clock clock;

    TokenRenewal(SocialAccounts accounts, TenantTransactions transactions, Clock clock) {
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The account's credentials after a renewal: renewed now through {@code provider} while
     * {@code stillNeeded} holds for the current ones, else the current ones. Throws what the
     * provider throws ({@link ProviderRefused} when it will not renew).
     */
    SocialAccounts.Credentials renew(
            TenantId tenant,
            UUID accountId,
            SocialProvider provider,
            Predicate<SocialAccounts.Credentials> stillNeeded) {
        return transactions.inTransactionAs(tenant, () -> {
            SocialAccounts.Credentials current = accounts.lockedCredentials(accountId)
                    .orElseThrow(() -> new PlatformError(
                            PlatformError.Kind.TERMINAL, null, null, "The account is disconnected; reconnect it"));
            if (!stillNeeded.test(current) || current.refreshToken() == null) {
                return current;
            }
            SocialProvider.Tokens renewed = provider.refresh(current.refreshToken());
            accounts.storeTokens(accountId, renewed, clock.instant());
            return current.renewed(renewed);
        });
    }
}

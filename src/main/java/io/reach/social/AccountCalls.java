package io.reach.social;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.platform.PlatformAdapters;
import io.reach.social.platform.ProviderRefused;
import io.reach.social.platform.SocialProvider;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Platform calls on behalf of one of the current tenant's accounts: only while it is active,
 * and with its token refreshed once (and stored) when the platform refuses it.
 */
@Component
class AccountCalls {

    private final SocialAccounts accounts;
    private final PlatformAdapters adapters;
    private final TenantTransactions transactions;
    private final TokenRefresher refresher;
    private final TokenRenewal renewal;

    AccountCalls(
            SocialAccounts accounts,
            PlatformAdapters adapters,
            TenantTransactions transactions,
            TokenRefresher refresher,
            TokenRenewal renewal) {
        this.refresher = refresher;
        this.renewal = renewal;
        this.accounts = accounts;
        this.adapters = adapters;
        this.transactions = transactions;
    }

    /** Calls the account's platform adapter; throws a terminal {@link PlatformError} when the account is not usable. */
    <T> T call(UUID accountId, java.util.function.BiFunction<SocialProvider, SocialProvider.Account, T> call) {
        return session(accountId).call(call);
    }

    String act(UUID accountId, SocialProvider.Action action) {
        return call(accountId, (provider, account) -> provider.act(account, action));
    }

    /** Calls as one account that read its credentials once, at the first call, for several calls close together. */
    Session session(UUID accountId) {
        return new Session(accountId);
    }

    /**
     * Calls as one account, safe to share between threads. The credentials are read at the first call
     * and kept (a renewed token replaces them); an account that is not usable is asked again each call.
     */
    final class Session {

        private final UUID accountId;
        private SocialAccounts.@Nullable Credentials credentials;

        private Session(UUID accountId) {
            this.accountId = accountId;
        }

        <T> T call(java.util.function.BiFunction<SocialProvider, SocialProvider.Account, T> call) {
            SocialAccounts.Credentials current = credentials();
            SocialProvider provider = adapters.require(current.platform());
            try {
                return call.apply(provider, current.account());
            } catch (PlatformError e) {
                if (!e.isTokenRejected() || current.refreshToken() == null) {
                    throw e;
                }
                SocialAccounts.Credentials fresh = renewed(current, provider);
                remember(fresh);
                return call.apply(provider, fresh.account());
            }
        }

        UUID accountId() {
            return accountId;
        }

        String act(SocialProvider.Action action) {
            return call((provider, account) -> provider.act(account, action));
        }

        private synchronized SocialAccounts.Credentials credentials() {
            SocialAccounts.Credentials known = credentials;
            if (known == null) {
                known = usable(accountId);
                credentials = known;
            }
            return known;
        }

        private synchronized void remember(SocialAccounts.Credentials fresh) {
            credentials = fresh;
        }
    }

    /**
     * New tokens for an account whose token the platform refused. When the platform will not
     * renew it either, the account is put on hold (needs_review, owners told) and the call fails
     * for good; when the platform cannot be reached, the call may be tried again later.
     */
    private SocialAccounts.Credentials renewed(SocialAccounts.Credentials credentials, SocialProvider provider) {
        try {
            return renewal.renew(
                    TenantContext.require(),
                    credentials.id(),
                    provider,
                    current -> current.accessToken().equals(credentials.accessToken()));
        } catch (ProviderRefused e) {
            refresher.needsReview(TenantContext.require(), credentials.id(), credentials.platform(), e.getMessage());
            throw new PlatformError(
                    PlatformError.Kind.TERMINAL, 401, null, e.getMessage() + "; the account needs to be reconnected");
        } catch (org.springframework.web.client.ResourceAccessException e) {
            throw new PlatformError(
                    PlatformError.Kind.RETRYABLE,
                    null,
                    null,
                    credentials.platform() + " could not be reached to renew access: " + e.getMessage());
        }
    }

    private SocialAccounts.Credentials usable(UUID accountId) {
        SocialAccounts.Credentials credentials = transactions
                .inTransaction(() -> accounts.credentials(accountId))
                .orElseThrow(() -> new PlatformError(
                        PlatformError.Kind.TERMINAL, null, null, "The account is disconnected; reconnect it"));
        if (!AccountStatus.isActive(credentials.status())) {
            throw new PlatformError(
                    PlatformError.Kind.TERMINAL,
                    null,
                    null,
                    "The account needs to be reconnected (status " + credentials.status() + ")");
        }
        return credentials;
    }
}

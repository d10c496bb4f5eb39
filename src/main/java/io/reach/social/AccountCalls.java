package io.reach.social;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.platform.PlatformAdapters;
import io.reach.social.platform.ProviderRefused;
import io.reach.social.platform.SocialProvider;
import java.util.UUID;
import java.util.function.Function;
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
        SocialAccounts.Credentials credentials = usable(accountId);
        SocialProvider provider = adapters.require(credentials.platform());
        return withFreshToken(credentials, provider, account -> call.apply(provider, account));
    }

    String act(UUID accountId, SocialProvider.Action action) {
        return call(accountId, (provider, account) -> provider.act(account, action));
    }

    private <T> T withFreshToken(
            SocialAccounts.Credentials credentials, SocialProvider provider, Function<SocialProvider.Account, T> call) {
        try {
            return call.apply(credentials.account());
        } catch (PlatformError e) {
            if (!e.isTokenRejected() || credentials.refreshToken() == null) {
                throw e;
            }
            return call.apply(renewed(credentials, provider).account());
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

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
    private final java.util.List<SocialProvider> providers;
    private final java.time.Clock clock;

    private final org.springframework.jdbc.core.simple.JdbcClient routes;

    SocialDirectory(SocialAccounts accounts, SocialChannels channels, TenantTransactions transactions,
            java.util.List<SocialProvider> providers, java.time.Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient routes) {
        this.routes = routes;
        this.accounts = accounts;
        this.channels = channels;
        this.transactions = transactions;
        this.providers = providers;
        this.clock = clock;
    }

    /**
     * Publishes {@code text} as the account (of the current tenant). An expired access token is
     * refreshed once and the call repeated. Throws {@link PlatformError} with its kind.
     */
    public String publish(UUID accountId, String text) {
        SocialAccounts.Credentials credentials = usable(accountId);
        SocialProvider provider = provider(credentials.platform());
        try {
            return provider.publish(credentials.accessToken(), credentials.platformUserId(), text);
        } catch (PlatformError e) {
            if (!Integer.valueOf(401).equals(e.httpStatus()) || credentials.refreshToken() == null) {
                throw e;
            }
            SocialProvider.Tokens renewed = provider.refresh(credentials.refreshToken());
            transactions.inTransaction(() -> {
                accounts.storeTokens(accountId, renewed, clock.instant());
                return null;
            });
            return provider.publish(renewed.accessToken(), credentials.platformUserId(), text);
        }
    }

    /** The platform's id of a post with this text the account published since {@code since}, if any. */
    public Optional<String> findPublished(UUID accountId, String text, java.time.Instant since) {
        SocialAccounts.Credentials credentials = usable(accountId);
        return provider(credentials.platform()).findPublished(credentials.accessToken(), credentials.platformUserId(),
                text, since);
    }

    private SocialAccounts.Credentials usable(UUID accountId) {
        SocialAccounts.Credentials credentials = transactions.inTransaction(() -> accounts.credentials(accountId))
                .orElseThrow(() -> new PlatformError(PlatformError.Kind.TERMINAL, null, null,
                        "The account is disconnected; reconnect it to publish"));
        if (!credentials.status().equals("active")) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null,
                    "The account needs to be reconnected (status " + credentials.status() + ")");
        }
        return credentials;
    }

    private SocialProvider provider(String platform) {
        return providers.stream().filter(p -> p.platform().equals(platform) && p.isConfigured()).findFirst()
                .orElseThrow(() -> new PlatformError(PlatformError.Kind.TERMINAL, null, null,
                        "Publishing to " + platform + " is not configured"));
    }

    public record ConnectedAccount(UUID id, String platform, String status, SocialChannel channel) {
    }

    /** Where an account of a platform is connected: each tenant and its account id there. */
    public record Route(UUID tenantId, UUID socialAccountId) {
    }

    public java.util.List<Route> routes(String platform, String platformUserId) {
        return routes.sql("select tenant_id, social_account_id from social.account_routes"
                + " where platform = :platform and platform_user_id = :id").param("platform", platform)
                .param("id", platformUserId).query(Route.class).list();
    }

    public Optional<ConnectedAccount> account(UUID id) {
        return transactions.inTransaction(() -> accounts.find(id).flatMap(account -> channels.byName(account.platform())
                .map(channel -> new ConnectedAccount(account.id(), account.platform(), account.status(), channel))));
    }
}

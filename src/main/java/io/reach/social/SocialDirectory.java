package io.reach.social;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.reach.platform.tenant.TenantTransactions;

/** What other modules may ask the social module: a connected account of the current tenant, with its platform's limits. */
@Service
public class SocialDirectory {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SocialDirectory.class);

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
     * Publishes as the account (of the current tenant). An expired access token is refreshed once
     * and the call repeated. A {@code first_comment} in the metadata is replied under the post; a
     * refusal of that comment does not undo the post (it is logged). Throws {@link PlatformError}.
     */
    public String publish(UUID accountId, Publication publication) {
        SocialAccounts.Credentials credentials = usable(accountId);
        String id = withFreshToken(credentials, account -> provider(credentials.platform()).publish(account, publication));
        String firstComment = publication.metadataText("first_comment", "");
        if (!firstComment.isEmpty()) {
            try {
                act(accountId, new SocialProvider.Action("reply", id, null, firstComment));
            } catch (PlatformError e) {
                log.warn("First comment under {} post {} not placed: {}", credentials.platform(), id, e.getMessage());
            }
        }
        return id;
    }

    /** The platform's id of a post like this one that the account published since {@code since}, if any. */
    public Optional<String> findPublished(UUID accountId, Publication publication, java.time.Instant since) {
        SocialAccounts.Credentials credentials = usable(accountId);
        return withFreshToken(credentials,
                account -> provider(credentials.platform()).findPublished(account, publication, since));
    }

    /** Acts as the account (reply, like, dm, repost); returns the platform's id of what was made. */
    String act(UUID accountId, SocialProvider.Action action) {
        SocialAccounts.Credentials credentials = usable(accountId);
        return withFreshToken(credentials, account -> provider(credentials.platform()).act(account, action));
    }

    /**
     * Calls the platform with the account's token; on a 401, refreshes the token once (storing the
     * new one) and calls again.
     */
    <T> T withFreshToken(SocialAccounts.Credentials credentials,
            java.util.function.Function<SocialProvider.Account, T> call) {
        try {
            return call.apply(credentials.account());
        } catch (PlatformError e) {
            if (!e.isTokenRejected() || credentials.refreshToken() == null) {
                throw e;
            }
            SocialProvider.Tokens renewed = provider(credentials.platform()).refresh(credentials.refreshToken());
            transactions.inTransaction(() -> {
                accounts.storeTokens(credentials.id(), renewed, clock.instant());
                return null;
            });
            return call.apply(credentials.renewed(renewed).account());
        }
    }

    SocialAccounts.Credentials usable(UUID accountId) {
        SocialAccounts.Credentials credentials = transactions.inTransaction(() -> accounts.credentials(accountId))
                .orElseThrow(() -> new PlatformError(PlatformError.Kind.TERMINAL, null, null,
                        "The account is disconnected; reconnect it to publish"));
        if (!credentials.status().equals("active")) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null,
                    "The account needs to be reconnected (status " + credentials.status() + ")");
        }
        return credentials;
    }

    SocialProvider provider(String platform) {
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

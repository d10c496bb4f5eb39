package io.reach.social;

import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.platform.SocialProvider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask the social module about the current tenant's accounts: an account
 * with its platform's limits, publishing and looking up posts, and where a platform's account
 * is connected (for inbound events).
 */
@Service
public class SocialDirectory {

    private static final Logger log = LoggerFactory.getLogger(SocialDirectory.class);

    private final SocialAccounts accounts;
    private final SocialChannels channels;
    private final AccountCalls calls;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;

    SocialDirectory(
            SocialAccounts accounts,
            SocialChannels channels,
            AccountCalls calls,
            TenantTransactions transactions,
            JdbcClient jdbc) {
        this.accounts = accounts;
        this.channels = channels;
        this.calls = calls;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Publishes as the account. An expired access token is refreshed once and the call repeated.
     * A {@code first_comment} in the metadata is replied under the post; a refusal of that comment
     * does not undo the post (it is logged). Throws {@link PlatformError}.
     */
    public String publish(UUID accountId, Publication publication) {
        return publisher(accountId).publish(publication);
    }

    /** The platform's id of a post like this one that the account published since {@code since}, if any. */
    public Optional<String> findPublished(UUID accountId, Publication publication, Instant since) {
        return publisher(accountId).findPublished(publication, since);
    }

    /**
     * Publishing as one account several times close together (a batch of due posts): its credentials are
     * read once, at the first call, and a renewed token serves the calls after it. Safe to share between
     * threads; meant for one batch, not to be kept.
     */
    public Publisher publisher(UUID accountId) {
        return new Publisher(calls.session(accountId));
    }

    /** See {@link #publisher(UUID)}. */
    public static final class Publisher {

        private final AccountCalls.Session session;

        private Publisher(AccountCalls.Session session) {
            this.session = session;
        }

        /** As {@link SocialDirectory#publish(UUID, Publication)}. */
        public String publish(Publication publication) {
            String id = session.call((provider, account) -> provider.publish(account, publication));
            String firstComment = publication.metadataText("first_comment", "");
            if (!firstComment.isEmpty()) {
                try {
                    session.act(new SocialProvider.Action("reply", id, null, firstComment));
                } catch (RuntimeException e) {
                    log.warn(
                            "First comment under post {} of account {} not placed: {}",
                            id,
                            session.accountId(),
                            e.getMessage());
                }
            }
            return id;
        }

        /** As {@link SocialDirectory#findPublished(UUID, Publication, Instant)}. */
        public Optional<String> findPublished(Publication publication, Instant since) {
            return session.call((provider, account) -> provider.findPublished(account, publication, since));
        }
    }

    public record ConnectedAccount(UUID id, String platform, String status, SocialChannel channel) {}

    public Optional<ConnectedAccount> account(UUID id) {
        return transactions.inTransaction(() -> accounts.find(id)
                .flatMap(account -> channels.byName(account.platform())
                        .map(channel ->
                                new ConnectedAccount(account.id(), account.platform(), account.status(), channel))));
    }

    /** Where an account of a platform is connected: each tenant and its account id there. */
    public record Route(UUID tenantId, UUID socialAccountId) {}

    /** As {@code query(Route.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Route> ROUTE_ROW = new SimplePropertyRowMapper<>(Route.class);

    public List<Route> routes(String platform, String platformUserId) {
        return jdbc.sql("select tenant_id, social_account_id from social.account_routes"
                        + " where platform = :platform and platform_user_id = :id")
                .param("platform", platform)
                .param("id", platformUserId)
                .query(ROUTE_ROW)
                .list();
    }
}

package io.reach.social;

import io.reach.social.platform.SocialProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What automations and engagement tracking may ask of the current tenant's accounts: act as an
 * account (reply, like, send a direct message, repost), poll a platform for events it sends no
 * webhooks for, and read a published post's counts. Platform errors arrive as {@link PlatformError}.
 */
@Service
public class SocialActivity {

    private final AccountCalls calls;
    private final JdbcClient jdbc;
    private final Clock clock;

    SocialActivity(AccountCalls calls, JdbcClient jdbc, Clock clock) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The account's platform, if it is one of the current tenant's accounts. */
    public Optional<String> platformOf(UUID accountId) {
        return jdbc.sql("select platform from social.social_accounts where id = :id")
                .param("id", accountId)
                .query(String.class)
                .optional();
    }

    /** The account's own id on its platform, so its own activity can be told from other people's. */
    public Optional<String> platformUserIdOf(UUID accountId) {
        return jdbc.sql("select platform_user_id from social.social_accounts where id = :id")
                .param("id", accountId)
                .query(String.class)
                .optional();
    }

    /**
     * Acts as the account: {@code reply} to {@code targetId} with {@code text}, {@code like} or
     * {@code repost} {@code targetId}, {@code dm} {@code recipientId} with {@code text}. Returns the
     * platform's id of what it made.
     */
    public String act(
            UUID accountId,
            String kind,
            @Nullable String targetId,
            @Nullable String recipientId,
            @Nullable String text) {
        return calls.act(accountId, new SocialProvider.Action(kind, targetId, recipientId, text));
    }

    /** An event found by polling: the platform's id for it, its type and its data. */
    public record PolledEvent(String externalId, String type, Map<String, Object> payload) {}

    /** The current tenant's active accounts, with the platform of each, for polling. */
    public record ActiveAccount(UUID id, String platform, Instant connectedAt) {}

    /** As {@code query(ActiveAccount.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<ActiveAccount> ACTIVE_ACCOUNT_ROW =
            new SimplePropertyRowMapper<>(ActiveAccount.class);

    public List<ActiveAccount> activeAccounts() {
        return jdbc.sql("select id, platform, connected_at from social.social_accounts where status = 'active'")
                .query(ACTIVE_ACCOUNT_ROW)
                .list();
    }

    /** Events of the account's platform from the last {@code lookback}, but not from before it was connected. */
    public List<PolledEvent> poll(ActiveAccount account, Duration lookback) {
        Instant since = clock.instant().minus(lookback);
        Instant from = since.isBefore(account.connectedAt()) ? account.connectedAt() : since;
        return calls.call(account.id(), (provider, credentials) -> provider.poll(credentials, from)).stream()
                .map(event -> new PolledEvent(event.externalId(), event.type(), event.payload()))
                .toList();
    }

    /** A published post's counts now. */
    public record PostCounts(long likes, long comments, long shares, long saves, long reach, long impressions) {}

    public Optional<PostCounts> counts(UUID accountId, String platformPostId) {
        return calls.call(accountId, (provider, account) -> provider.content(account, platformPostId))
                .map(c -> new PostCounts(c.likes(), c.comments(), c.shares(), c.saves(), c.reach(), c.impressions()));
    }
}

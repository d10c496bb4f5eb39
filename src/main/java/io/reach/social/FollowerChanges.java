package io.reach.social;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.social.platform.SocialProvider;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Follower changes of the current tenant's accounts, found by comparing each follower list with
 * the one seen before. The first list is the baseline and records nothing. A complete list (at
 * least as many followers as the account has) tells new followers and unfollowers apart exactly.
 * A truncated list (platforms list the newest followers first, up to a page) only tells the
 * followers newer than the newest one already known; who is missing from it may just be beyond
 * its end, so no unfollower is inferred from it.
 */
@Repository
class FollowerChanges {

    private static final String KNOWN = "select user_id from social.known_followers where social_account_id = :account";
    private static final String CHANGE = """
            insert into social.follower_changes (tenant_id, id, social_account_id, change_type, user_id, username,
                changed_at, profile_pic_url, verified, follower_count)
            values (:tenant, :id, :account, :type, :userId, :username, :now, :pic, :verified, :followerCount)""";
    private static final String REMEMBER = """
            insert into social.known_followers (tenant_id, social_account_id, user_id, username, first_seen_at)
            values (:tenant, :account, :userId, :username, :now) on conflict do nothing""";
    private static final String FORGET = """
            delete from social.known_followers where social_account_id = :account and user_id = :userId
            returning username""";
    private static final String LISTED = """
            update social.social_accounts set followers_listed_at = :now where id = :account
            returning (select followers_listed_at from social.social_accounts where id = :account) is not null""";

    private final JdbcClient jdbc;
    private final Ids ids;

    FollowerChanges(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    record Counted(int newFollowers, int unfollowers) {}

    /** Compares {@code current} with the followers known so far and records the difference. */
    Counted compare(UUID account, List<SocialProvider.Follower> current, @Nullable Long followerCount, Instant now) {
        boolean baseline = !jdbc.sql(LISTED)
                .param("account", account)
                .param("now", utc(now))
                .query(Boolean.class)
                .single();
        Set<String> known = new HashSet<>(
                jdbc.sql(KNOWN).param("account", account).query(String.class).list());
        Map<String, SocialProvider.Follower> seen = current.stream()
                .collect(Collectors.toMap(
                        SocialProvider.Follower::userId, f -> f, (a, b) -> a, java.util.LinkedHashMap::new));
        boolean complete = followerCount != null && seen.size() >= followerCount;
        int added = 0;
        boolean newer = true;
        for (SocialProvider.Follower follower : seen.values()) {
            if (known.contains(follower.userId())) {
                newer = false;
                continue;
            }
            remember(account, follower, now);
            if (!baseline && (complete || newer)) {
                record(account, FollowerChangeType.NEW_FOLLOWER, follower, now);
                added++;
            }
        }
        int removed = 0;
        if (complete && !baseline) {
            for (String userId : known) {
                if (!seen.containsKey(userId)) {
                    String username = jdbc.sql(FORGET)
                            .param("account", account)
                            .param("userId", userId)
                            .query(String.class)
                            .single();
                    record(
                            account,
                            FollowerChangeType.UNFOLLOWER,
                            new SocialProvider.Follower(userId, username, null, false, null),
                            now);
                    removed++;
                }
            }
        }
        return new Counted(added, removed);
    }

    private void remember(UUID account, SocialProvider.Follower follower, Instant now) {
        jdbc.sql(REMEMBER)
                .param("tenant", TenantContext.require().value())
                .param("account", account)
                .param("userId", follower.userId())
                .param("username", follower.username())
                .param("now", utc(now))
                .update();
    }

    private void record(UUID account, FollowerChangeType type, SocialProvider.Follower follower, Instant now) {
        jdbc.sql(CHANGE)
                .param("tenant", TenantContext.require().value())
                .param("id", ids.next())
                .param("account", account)
                .param("type", type.code())
                .param("userId", follower.userId())
                .param("username", follower.username())
                .param("now", utc(now))
                .param("pic", follower.profilePicUrl())
                .param("verified", follower.verified())
                .param("followerCount", follower.followerCount())
                .update();
    }

    record Change(
            UUID id,
            String changeType,
            String userId,
            String username,
            Instant changedAt,
            @Nullable String profilePicUrl,
            boolean verified,
            @Nullable Long followerCount) {}

    /** As {@code query(Change.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Change> CHANGE_ROW = new SimplePropertyRowMapper<>(Change.class);

    /** Changes in {@code [from, to)}, newest first (ids are time-ordered), optionally of one type, below a cursor id. */
    List<Change> between(UUID account, Instant from, Instant to, @Nullable String type, UUID beforeId, int limit) {
        return jdbc.sql("""
                select id, change_type, user_id, username, changed_at, profile_pic_url, verified, follower_count
                from social.follower_changes
                where social_account_id = :account and changed_at >= :from and changed_at < :to
                  and (cast(:type as text) is null or change_type = :type)
                  and id < :beforeId
                order by id desc limit :limit""")
                .param("account", account)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("type", type)
                .param("beforeId", beforeId)
                .param("limit", limit)
                .query(CHANGE_ROW)
                .list();
    }
}

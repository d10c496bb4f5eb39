package io.reach.social;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.social.platform.SocialProvider;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's account metrics over time: one snapshot per sync, and trends by day or week. */
@Repository
class MetricsSnapshots {

    private static final String SNAPSHOT = """
            insert into social.metrics_snapshots (tenant_id, id, social_account_id, captured_at, followers_count,
                following_count, posts_count, reach, impressions, engagement_count, profile_views, extra_data)
            values (:tenant, :id, :account, :now, :followers, :following, :posts, :reach, :impressions, :engagement,
                :profileViews, :extra::jsonb)""";
    private static final String CURRENT = """
            update social.social_accounts set follower_count = :followers, following_count = :following,
                last_sync_at = :now
            where id = :account
            returning old.follower_count""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Ids ids;

    MetricsSnapshots(JdbcClient jdbc, JsonMapper json, Ids ids) {
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
    }

    /** Records a snapshot and keeps the account's counts current; returns the follower count it had before. */
    @Nullable
    Long take(UUID account, SocialProvider.Metrics metrics, Instant now) {
        jdbc.sql(SNAPSHOT)
                .param("tenant", TenantContext.require().value())
                .param("id", ids.next())
                .param("account", account)
                .param("now", utc(now))
                .param("followers", metrics.followers())
                .param("following", metrics.following())
                .param("posts", metrics.posts())
                .param("reach", metrics.reach())
                .param("impressions", metrics.impressions())
                .param("engagement", metrics.engagement())
                .param("profileViews", metrics.profileViews())
                .param("extra", json.writeValueAsString(metrics.extra()))
                .update();
        return jdbc.sql(CURRENT)
                .param("followers", metrics.followers())
                .param("following", metrics.following())
                .param("now", utc(now))
                .param("account", account)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    record Snapshot(
            UUID id,
            Instant capturedAt,
            long followersCount,
            long followingCount,
            long postsCount,
            long reach,
            long impressions,
            long engagementCount,
            long profileViews) {}

    /** As {@code query(Snapshot.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Snapshot> SNAPSHOT_ROW = new SimplePropertyRowMapper<>(Snapshot.class);

    /** Snapshots in {@code [from, to)}, oldest first, after the snapshot {@code after} (null: from the first). */
    List<Snapshot> between(UUID account, Instant from, Instant to, @Nullable UUID after, int limit) {
        return jdbc.sql("""
                select id, captured_at, followers_count, following_count, posts_count, reach, impressions, engagement_count,
                       profile_views
                from social.metrics_snapshots where social_account_id = :id and captured_at >= :from and captured_at < :to
                  and (cast(:after as uuid) is null
                       or (captured_at, id) > (select captured_at, id from social.metrics_snapshots where id = :after))
                order by captured_at, id limit :limit""")
                .param("id", account)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("after", after)
                .param("limit", limit)
                .query(SNAPSHOT_ROW)
                .list();
    }

    /**
     * One point per day or week (UTC) in {@code [from, to)}. Counts (followers, following, posts)
     * are those of the period's last snapshot; followers gained is that count minus the previous
     * period's (or the last snapshot before {@code from}, or the period's first). Platforms report
     * reach, impressions, engagement and profile views per day, so several snapshots of one day
     * repeat one value: each day counts once (its last snapshot), and a week sums its days. Every
     * period of the window is present: one without snapshots sums to zero and carries the counts of
     * the period before (so a quiet day is not a drop to zero followers).
     */
    record TrendPoint(
            Instant period,
            long followersCount,
            long followersGained,
            long followingCount,
            long postsCount,
            long reach,
            long impressions,
            long engagementCount,
            long profileViews) {}

    /** As {@code query(TrendPoint.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<TrendPoint> TREND_POINT_ROW = new SimplePropertyRowMapper<>(TrendPoint.class);

    List<TrendPoint> trend(UUID account, Instant from, Instant to, String interval) {
        Map<Instant, TrendPoint> measured = new HashMap<>();
        measuredPeriods(account, from, to, interval).forEach(point -> measured.put(point.period(), point));
        TrendPoint carried = jdbc.sql("""
                select followers_count, following_count, posts_count from social.metrics_snapshots
                where social_account_id = :id and captured_at < :from order by captured_at desc limit 1""")
                .param("id", account)
                .param("from", utc(from))
                .query((rs, row) -> new TrendPoint(from, rs.getLong(1), 0, rs.getLong(2), rs.getLong(3), 0, 0, 0, 0))
                .optional()
                .orElse(new TrendPoint(from, 0, 0, 0, 0, 0, 0, 0, 0));
        List<TrendPoint> series = new ArrayList<>();
        for (Instant period : periods(from, to, interval)) {
            TrendPoint point = measured.getOrDefault(
                    period,
                    new TrendPoint(
                            period,
                            carried.followersCount(),
                            0,
                            carried.followingCount(),
                            carried.postsCount(),
                            0,
                            0,
                            0,
                            0));
            series.add(point);
            carried = point;
        }
        return series;
    }

    /** The starts of the days (or ISO weeks, from Monday) that overlap {@code [from, to)}, in UTC. */
    static List<Instant> periods(Instant from, Instant to, String interval) {
        LocalDate start = LocalDate.ofInstant(from, ZoneOffset.UTC);
        boolean weeks = interval.equals("week");
        if (weeks) {
            start = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        List<Instant> periods = new ArrayList<>();
        for (LocalDate day = start;
                day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(to);
                day = day.plusDays(weeks ? 7 : 1)) {
            periods.add(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return periods;
    }

    private List<TrendPoint> measuredPeriods(UUID account, Instant from, Instant to, String interval) {
        return jdbc.sql("""
                with days as (
                    select distinct on (day) day, followers_count, following_count, posts_count, reach, impressions,
                           engagement_count, profile_views, first_value(followers_count) over (
                               partition by day order by captured_at) as day_first_followers
                    from (select *, date_trunc('day', captured_at at time zone 'UTC') as day
                          from social.metrics_snapshots
                          where social_account_id = :id and captured_at >= :from and captured_at < :to) s
                    order by day, captured_at desc),
                periods as (
                    select date_trunc(:interval, day) as period,
                           (array_agg(followers_count order by day desc))[1] as followers_count,
                           (array_agg(day_first_followers order by day))[1] as first_followers,
                           (array_agg(following_count order by day desc))[1] as following_count,
                           (array_agg(posts_count order by day desc))[1] as posts_count,
                           sum(reach) as reach, sum(impressions) as impressions,
                           sum(engagement_count) as engagement_count, sum(profile_views) as profile_views
                    from days group by 1)
                select period at time zone 'UTC' as period, followers_count,
                       followers_count - coalesce(lag(followers_count) over (order by period),
                           (select followers_count from social.metrics_snapshots
                            where social_account_id = :id and captured_at < :from
                            order by captured_at desc limit 1),
                           first_followers) as followers_gained,
                       following_count, posts_count, reach, impressions, engagement_count, profile_views
                from periods order by period""")
                .param("interval", interval)
                .param("id", account)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(TREND_POINT_ROW)
                .list();
    }
}

package io.reach.social;

import java.util.Arrays;
import java.util.List;

/** The CSV columns of the social analytics reads ({@code format=csv} or {@code Accept: text/csv}): one row per item. */
final class AnalyticsTables {

    static final List<String> SNAPSHOT = List.of(
            "id",
            "captured_at",
            "followers_count",
            "following_count",
            "posts_count",
            "reach",
            "impressions",
            "engagement_count",
            "profile_views");
    static final List<String> TREND = List.of(
            "period",
            "followers_count",
            "followers_gained",
            "following_count",
            "posts_count",
            "reach",
            "impressions",
            "engagement_count",
            "profile_views");
    static final List<String> TOP_POST = List.of(
            "platform_post_id",
            "post_url",
            "caption",
            "media_type",
            "likes_count",
            "comments_count",
            "shares_count",
            "saves_count",
            "reach",
            "impressions",
            "engagement_rate",
            "posted_at",
            "last_updated");
    /** The audience's breakdowns are JSON arrays; each is one cell. */
    static final List<String> AUDIENCE =
            List.of("snapshot_date", "age_ranges", "genders", "countries", "cities", "active_hours", "active_days");

    private AnalyticsTables() {}

    static List<?> snapshot(MetricsSnapshots.Snapshot s) {
        return List.of(
                s.id().toString(),
                s.capturedAt().toString(),
                s.followersCount(),
                s.followingCount(),
                s.postsCount(),
                s.reach(),
                s.impressions(),
                s.engagementCount(),
                s.profileViews());
    }

    static List<?> trend(MetricsSnapshots.TrendPoint p) {
        return List.of(
                p.period().toString(),
                p.followersCount(),
                p.followersGained(),
                p.followingCount(),
                p.postsCount(),
                p.reach(),
                p.impressions(),
                p.engagementCount(),
                p.profileViews());
    }

    static List<?> topPost(ContentInsights.TopPost p) {
        return Arrays.asList(
                p.platformPostId(),
                p.postUrl(),
                p.caption(),
                p.mediaType(),
                p.likesCount(),
                p.commentsCount(),
                p.sharesCount(),
                p.savesCount(),
                p.reach(),
                p.impressions(),
                p.engagementRate(),
                p.postedAt().toString(),
                p.lastUpdated().toString());
    }

    static List<?> audience(ContentInsights.Insight i) {
        return List.of(
                i.snapshotDate().toString(),
                i.ageRanges().toString(),
                i.genders().toString(),
                i.countries().toString(),
                i.cities().toString(),
                i.activeHours().toString(),
                i.activeDays().toString());
    }
}

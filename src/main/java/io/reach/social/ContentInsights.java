package io.reach.social;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.social.platform.SocialProvider;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The current tenant's top content (each post's latest counts and engagement rate) and audience
 * insights (one row per account and day, in the reference shape: arrays of
 * {@code {"range"|"gender"|"country"|"city": …, "count": …}} and {@code {"hour"|"day": …, "activity": …}}).
 */
@Repository
class ContentInsights {

    private static final String UPSERT_CONTENT = """
            insert into social.top_content (tenant_id, id, social_account_id, platform_post_id, post_url, caption, media_type,
                likes_count, comments_count, shares_count, saves_count, reach, impressions, engagement_rate, posted_at,
                last_updated)
            values (:tenant, :id, :account, :postId, :url, :caption, :mediaType, :likes, :comments, :shares, :saves, :reach,
                :impressions, :rate, :postedAt, :now)
            on conflict (tenant_id, social_account_id, platform_post_id) do update set post_url = excluded.post_url,
                caption = excluded.caption, media_type = excluded.media_type, likes_count = excluded.likes_count,
                comments_count = excluded.comments_count, shares_count = excluded.shares_count,
                saves_count = excluded.saves_count, reach = excluded.reach, impressions = excluded.impressions,
                engagement_rate = excluded.engagement_rate, last_updated = excluded.last_updated""";
    private static final String UPSERT_AUDIENCE = """
            insert into social.audience_insights (tenant_id, id, social_account_id, snapshot_date, age_ranges, genders,
                countries, cities, active_hours, active_days)
            values (:tenant, :id, :account, :date, :ages::jsonb, :genders::jsonb, :countries::jsonb, :cities::jsonb,
                :hours::jsonb, :days::jsonb)
            on conflict (tenant_id, social_account_id, snapshot_date) do update set age_ranges = excluded.age_ranges,
                genders = excluded.genders, countries = excluded.countries, cities = excluded.cities,
                active_hours = excluded.active_hours, active_days = excluded.active_days""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Ids ids;

    ContentInsights(JdbcClient jdbc, JsonMapper json, Ids ids) {
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
    }

    void storeContent(UUID account, List<SocialProvider.Content> content, Instant now) {
        for (SocialProvider.Content post : content) {
            jdbc.sql(UPSERT_CONTENT)
                    .param("tenant", TenantContext.require().value())
                    .param("id", ids.next())
                    .param("account", account)
                    .param("postId", post.platformPostId())
                    .param("url", post.url())
                    .param("caption", post.caption())
                    .param("mediaType", post.mediaType())
                    .param("likes", post.likes())
                    .param("comments", post.comments())
                    .param("shares", post.shares())
                    .param("saves", post.saves())
                    .param("reach", post.reach())
                    .param("impressions", post.impressions())
                    .param("rate", post.engagementRate())
                    .param("postedAt", utc(post.postedAt()))
                    .param("now", utc(now))
                    .update();
        }
    }

    record TopPost(
            String platformPostId,
            String postUrl,
            @Nullable String caption,
            @Nullable String mediaType,
            long likesCount,
            long commentsCount,
            long sharesCount,
            long savesCount,
            long reach,
            long impressions,
            double engagementRate,
            Instant postedAt,
            Instant lastUpdated) {}

    /** As {@code query(TopPost.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<TopPost> TOP_POST_ROW = new SimplePropertyRowMapper<>(TopPost.class);

    /** The account's posts published in {@code [from, to)}, highest engagement rate first. */
    List<TopPost> top(UUID account, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                select platform_post_id, post_url, caption, media_type, likes_count, comments_count, shares_count,
                       saves_count, reach, impressions, engagement_rate, posted_at, last_updated
                from social.top_content
                where social_account_id = :account and posted_at >= :from and posted_at < :to
                order by engagement_rate desc, posted_at desc limit :limit""")
                .param("account", account)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("limit", limit)
                .query(TOP_POST_ROW)
                .list();
    }

    void storeAudience(UUID account, SocialProvider.Audience audience) {
        jdbc.sql(UPSERT_AUDIENCE)
                .param("tenant", TenantContext.require().value())
                .param("id", ids.next())
                .param("account", account)
                .param("date", audience.date())
                .param("ages", counts("range", audience.ageRanges()))
                .param("genders", counts("gender", audience.genders()))
                .param("countries", counts("country", audience.countries()))
                .param("cities", counts("city", audience.cities()))
                .param("hours", activity("hour", audience.activeHours()))
                .param("days", activity("day", audience.activeDays()))
                .update();
    }

    record Insight(
            LocalDate snapshotDate,
            JsonNode ageRanges,
            JsonNode genders,
            JsonNode countries,
            JsonNode cities,
            JsonNode activeHours,
            JsonNode activeDays) {}

    /** Audience insights of days in {@code [from, to]}, oldest first. */
    List<Insight> audience(UUID account, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select snapshot_date, age_ranges::text, genders::text, countries::text, cities::text, active_hours::text,
                       active_days::text
                from social.audience_insights
                where social_account_id = :account and snapshot_date between :from and :to
                order by snapshot_date""")
                .param("account", account)
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> new Insight(
                        rs.getObject(1, LocalDate.class),
                        json.readTree(rs.getString(2)),
                        json.readTree(rs.getString(3)),
                        json.readTree(rs.getString(4)),
                        json.readTree(rs.getString(5)),
                        json.readTree(rs.getString(6)),
                        json.readTree(rs.getString(7))))
                .list();
    }

    private static String counts(String key, Map<String, Long> counts) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> array.addObject().put(key, e.getKey()).put("count", e.getValue()));
        return array.toString();
    }

    private static <K extends Comparable<K>> String activity(String key, Map<K, Double> activity) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        activity.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            var node = array.addObject();
            if (e.getKey() instanceof Integer hour) {
                node.put(key, hour);
            } else {
                node.put(key, e.getKey().toString());
            }
            node.put("activity", e.getValue());
        });
        return array.toString();
    }
}

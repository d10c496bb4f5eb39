package io.reach.publishing;

import static io.reach.platform.time.UtcTimes.instantOrNull;
import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.social.Publication;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's published results ({@code social_posts}: what went out where, linked to a
 * campaign once campaigns exist) and their engagement over time ({@code social_engagement}: one
 * row per type and measurement).
 */
@Repository
class SocialPosts {

    static final List<String> ENGAGEMENT_TYPES = java.util.Arrays.stream(EngagementType.values())
            .map(EngagementType::code)
            .toList();

    private static final String RECORD = """
            insert into publishing.social_posts (tenant_id, id, social_account_id, post_id, post_variant_id, publish_job_id,
                post_content, post_type, external_post_id, scheduled_at, published_at, created_at, metadata)
            values (:tenant, :id, :account, :postId, :variantId, :jobId, :content, :type, :externalId, :scheduledAt, :now,
                :now, :metadata::jsonb)
            on conflict do nothing""";
    private static final String COLUMNS = """
            id, social_account_id, campaign_id, post_id, post_variant_id, post_content, post_type, external_post_id,
            scheduled_at, published_at, created_at, metadata::text as metadata""";
    private static final String LIKES = """
            select engagement_count from publishing.social_engagement
            where social_post_id = :id and engagement_type = 'like' order by recorded_at desc limit 1""";
    private static final String ENGAGEMENT = """
            insert into publishing.social_engagement (tenant_id, id, social_post_id, engagement_type, engagement_count,
                recorded_at)
            values (:tenant, :id, :postId, :type, :count, :now)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;
    private final Ids ids;

    SocialPosts(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json, Ids ids) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
    }

    record SocialPost(
            UUID id,
            UUID socialAccountId,
            @Nullable UUID campaignId,
            @Nullable UUID postId,
            @Nullable UUID postVariantId,
            String postContent,
            String postType,
            String externalPostId,
            @Nullable Instant scheduledAt,
            Instant publishedAt,
            Instant createdAt,
            JsonNode metadata) {}

    /** What a publish job put on the platform: the job, what it sent and the platform's id of it. */
    record Published(PublishJobs.Job job, Publication publication, String externalId) {}

    /** Records what publish jobs put on the platform (once per job), in one round trip. */
    void record(List<Published> published, Instant now) {
        if (published.isEmpty()) {
            return;
        }
        UUID tenant = TenantContext.require().value();
        SqlParameterSource[] rows = published.stream()
                .map(one -> new MapSqlParameterSource()
                        .addValue("tenant", tenant)
                        .addValue("id", ids.next())
                        .addValue("account", one.job().socialAccountId())
                        .addValue("postId", one.job().postId())
                        .addValue("variantId", one.job().postVariantId())
                        .addValue("jobId", one.job().id())
                        .addValue("content", one.publication().text())
                        .addValue("type", SocialPostType.of(one.publication()).code())
                        .addValue("externalId", one.externalId())
                        .addValue("scheduledAt", utc(one.job().scheduledAt()))
                        .addValue("now", utc(now))
                        .addValue("metadata", metadata(one)))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate(RECORD, rows);
    }

    private String metadata(Published one) {
        return json.writeValueAsString(Map.of(
                "platform",
                one.job().platform(),
                "media",
                one.publication().media(),
                "variant_metadata",
                one.publication().metadata()));
    }

    List<SocialPost> list(
            Instant from, Instant to, @Nullable UUID accountId, @Nullable UUID campaignId, UUID before, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from publishing.social_posts
                where published_at >= :from and published_at < :to and id < :before
                  and (cast(:account as uuid) is null or social_account_id = :account)
                  and (cast(:campaign as uuid) is null or campaign_id = :campaign)
                order by id desc limit :limit""")
                .param("from", utc(from))
                .param("to", utc(to))
                .param("before", before)
                .param("account", accountId)
                .param("campaign", campaignId)
                .param("limit", limit)
                .query(this::socialPost)
                .list();
    }

    Optional<SocialPost> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from publishing.social_posts where id = :id")
                .param("id", id)
                .query(this::socialPost)
                .optional();
    }

    /** Published in {@code [since, now)}: the posts whose engagement is still followed. */
    List<SocialPost> publishedSince(Instant since) {
        return jdbc.sql("select " + COLUMNS + " from publishing.social_posts where published_at >= :since order by id")
                .param("since", utc(since))
                .query(this::socialPost)
                .list();
    }

    boolean linkCampaign(UUID id, @Nullable UUID campaignId) {
        return jdbc.sql("update publishing.social_posts set campaign_id = :campaign where id = :id")
                        .param("id", id)
                        .param("campaign", campaignId)
                        .update()
                == 1;
    }

    /** Records one measurement of each type; returns the like count measured before it, if any. */
    Optional<Long> measure(UUID postId, Map<String, Long> counts, Instant now) {
        Optional<Long> likesBefore =
                jdbc.sql(LIKES).param("id", postId).query(Long.class).optional();
        for (String type : ENGAGEMENT_TYPES) {
            jdbc.sql(ENGAGEMENT)
                    .param("tenant", TenantContext.require().value())
                    .param("id", ids.next())
                    .param("postId", postId)
                    .param("type", type)
                    .param("count", counts.getOrDefault(type, 0L))
                    .param("now", utc(now))
                    .update();
        }
        return likesBefore;
    }

    record Measurement(UUID id, String engagementType, long engagementCount, Instant recordedAt) {}

    /** As {@code query(Measurement.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Measurement> MEASUREMENT_ROW = new SimplePropertyRowMapper<>(Measurement.class);

    /** The latest count of each type. */
    List<Measurement> latest(UUID postId) {
        return jdbc.sql("""
                select distinct on (engagement_type) id, engagement_type, engagement_count, recorded_at
                from publishing.social_engagement where social_post_id = :id
                order by engagement_type, recorded_at desc""").param("id", postId).query(MEASUREMENT_ROW).list();
    }

    /** Measurements in {@code [from, to)}, oldest first, after the measurement {@code after} (null: from the first). */
    List<Measurement> history(UUID postId, Instant from, Instant to, @Nullable UUID after, int limit) {
        return jdbc.sql("""
                select id, engagement_type, engagement_count, recorded_at from publishing.social_engagement
                where social_post_id = :id and recorded_at >= :from and recorded_at < :to
                  and (cast(:after as uuid) is null or (recorded_at, engagement_type, id) >
                       (select recorded_at, engagement_type, id from publishing.social_engagement where id = :after))
                order by recorded_at, engagement_type, id limit :limit""")
                .param("id", postId)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("after", after)
                .param("limit", limit)
                .query(MEASUREMENT_ROW)
                .list();
    }

    private SocialPost socialPost(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SocialPost(
                rs.getObject("id", UUID.class),
                rs.getObject("social_account_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("post_id", UUID.class),
                rs.getObject("post_variant_id", UUID.class),
                rs.getString("post_content"),
                rs.getString("post_type"),
                rs.getString("external_post_id"),
                instantOrNull(rs.getObject("scheduled_at", OffsetDateTime.class)),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                json.readTree(rs.getString("metadata")));
    }
}

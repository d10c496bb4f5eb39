package io.reach.publishing;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's posts and variants. */
@Repository
class Posts {

    private static final String INSERT_POST = """
            insert into publishing.posts (tenant_id, id, created_by, title, status, created_at, updated_at)
            values (:tenant, :id, :createdBy, :title, 'draft', :now, :now)""";
    private static final String INSERT_VARIANT = """
            insert into publishing.post_variants (tenant_id, id, post_id, social_account_id, platform, text, media_refs,
                metadata, created_at)
            values (:tenant, :id, :postId, :accountId, :platform, :text, :media::jsonb, :metadata::jsonb, :now)""";
    private static final String POST_COLUMNS = """
            id, created_by, title, status, submitted_at, approved_by, approved_at, rejection_reason, scheduled_at,
            time_zone, published_at, created_at, updated_at""";
    private static final String FIND = "select " + POST_COLUMNS + " from publishing.posts where id = :id";
    private static final String LIST = "select " + POST_COLUMNS + """
             from publishing.posts
            where id > :after and (cast(:status as text) is null or status = :status)
              and (cast(:from as timestamptz) is null or scheduled_at >= :from)
              and (cast(:to as timestamptz) is null or scheduled_at < :to)
            order by id limit :limit""";
    private static final String AWAITING = "select " + POST_COLUMNS + """
             from publishing.posts
            where id > :after and status = 'submitted' and created_by <> :approver
            order by id limit :limit""";
    private static final String VARIANTS = """
            select id, social_account_id, platform, text, media_refs::text as media_refs, metadata::text as metadata
            from publishing.post_variants where post_id = :postId order by created_at, id""";
    private static final String UPDATE = """
            update publishing.posts set title = :title, status = :status, submitted_at = :submittedAt, approved_by = :approvedBy,
                approved_at = :approvedAt, rejection_reason = :rejectionReason, scheduled_at = :scheduledAt,
                time_zone = :timeZone, updated_at = :updatedAt, version = version + 1
            where id = :id and updated_at = :previousUpdatedAt""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;
    private final Ids ids;

    Posts(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json, Ids ids) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
    }

    record NewVariant(UUID socialAccountId, String platform, String text, JsonNode mediaRefs, JsonNode metadata) {}

    record Variant(
            UUID id, UUID socialAccountId, String platform, String text, JsonNode mediaRefs, JsonNode metadata) {}

    UUID create(UUID createdBy, @Nullable String title, List<NewVariant> variants, Instant now) {
        UUID id = ids.next();
        jdbc.sql(INSERT_POST)
                .param("tenant", TenantContext.require().value())
                .param("id", id)
                .param("createdBy", createdBy)
                .param("title", title)
                .param("now", utc(now))
                .update();
        insertVariants(id, variants, now);
        return id;
    }

    private void insertVariants(UUID postId, List<NewVariant> variants, Instant now) {
        for (NewVariant variant : variants) {
            jdbc.sql(INSERT_VARIANT)
                    .param("tenant", TenantContext.require().value())
                    .param("id", ids.next())
                    .param("postId", postId)
                    .param("accountId", variant.socialAccountId())
                    .param("platform", variant.platform())
                    .param("text", variant.text())
                    .param("media", variant.mediaRefs().toString())
                    .param("metadata", variant.metadata().toString())
                    .param("now", utc(now))
                    .update();
        }
    }

    Optional<Post> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(Posts::post).optional();
    }

    List<Post> page(UUID after, int limit, @Nullable PostStatus status, @Nullable Instant from, @Nullable Instant to) {
        return jdbc.sql(LIST)
                .param("after", after)
                .param("limit", limit)
                .param("status", status == null ? null : status.code())
                .param("from", from == null ? null : utc(from))
                .param("to", to == null ? null : utc(to))
                .query(Posts::post)
                .list();
    }

    /** Submitted posts the approver did not write: nobody approves their own post. */
    List<Post> awaitingApproval(UUID after, int limit, UUID approver) {
        return jdbc.sql(AWAITING)
                .param("after", after)
                .param("limit", limit)
                .param("approver", approver)
                .query(Posts::post)
                .list();
    }

    List<Variant> variants(UUID postId) {
        return jdbc.sql(VARIANTS)
                .param("postId", postId)
                .query((rs, row) -> new Variant(
                        rs.getObject("id", UUID.class),
                        rs.getObject("social_account_id", UUID.class),
                        rs.getString("platform"),
                        rs.getString("text"),
                        json.readTree(rs.getString("media_refs")),
                        json.readTree(rs.getString("metadata"))))
                .list();
    }

    /**
     * The post's jobs read and the post settled in one statement (the rule is {@link #settle}'s). The post is
     * found by its key alone: it was locked, and found scheduled, by {@link #lockScheduled} in the same
     * transaction. (With a {@code status = 'scheduled'} test here, young statistics made the planner read
     * the post through {@code posts_by_status_time}, all the tenant's scheduled posts, instead of its key.)
     */
    private static final String SETTLE = """
            update publishing.posts p
            set status = case when j.all_published then :published else :failed end,
                published_at = case when j.all_published then j.last_published_at end, updated_at = :now
            from (select bool_or(status = any(cast(:open as text[]))) as any_open,
                         bool_and(status = :success) as all_published, max(published_at) as last_published_at
                  from publishing.publish_jobs where post_id = :id) j
            where p.id = :id and not j.any_open""";
    /**
     * Locks the posts one by one by key, in the order of their ids, and says which are scheduled. A plain
     * {@code id = any(…)} was read, with young statistics, through the tenant's every post
     * ({@code posts_by_status_time} by tenant, then filtered: 1,500 rows for 30 posts in the dispatch bench).
     */
    private static final String LOCK_SCHEDULED = """
            select p.id, p.status
            from (select id from unnest(cast(:ids as uuid[])) as id group by id order by id) k
            cross join lateral (select id, status from publishing.posts where id = k.id for no key update) p""";

    /**
     * Locks the posts until the transaction ends, so that jobs finishing at the same moment settle a post
     * one after the other, each reading the jobs after the previous one's commit; returns those still
     * scheduled (only they are settled). They are locked in the order of their ids, so two transactions
     * settling some of the same posts cannot deadlock.
     */
    List<UUID> lockScheduled(Collection<UUID> postIds) {
        // not "for update": the runners' inserts referencing the post hold key-share locks on it
        return jdbc
                .sql(LOCK_SCHEDULED)
                .param("ids", postIds.toArray(UUID[]::new))
                .query((rs, row) -> new Locked(rs.getObject("id", UUID.class), rs.getString("status")))
                .list()
                .stream()
                .filter(post -> PostStatus.SCHEDULED.code().equals(post.status()))
                .map(Locked::id)
                .toList();
    }

    private record Locked(UUID id, String status) {}

    /**
     * Each scheduled post's outcome from its jobs: published when every variant is, failed when none
     * is still on its way and one failed or was missed, otherwise still scheduled. One round trip; the posts
     * are the ones {@link #lockScheduled} returned in this transaction.
     */
    void settle(Collection<UUID> postIds, Instant now) {
        SqlParameterSource[] rows = postIds.stream()
                .map(id -> new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("open", OPEN_JOB_STATES)
                        .addValue("success", PublishJobStatus.SUCCESS.code())
                        .addValue("published", PostStatus.PUBLISHED.code())
                        .addValue("failed", PostStatus.FAILED.code())
                        .addValue("now", utc(now)))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate(SETTLE, rows);
    }

    /** The codes of the job states that are still on their way ({@link PublishJobStatus#open()}). */
    private static final String[] OPEN_JOB_STATES = java.util.Arrays.stream(PublishJobStatus.values())
            .filter(PublishJobStatus::open)
            .map(PublishJobStatus::code)
            .toArray(String[]::new);

    /** Replaces a post's variants (their cancelled jobs go with them). */
    void replaceVariants(UUID postId, List<NewVariant> variants, Instant now) {
        jdbc.sql("delete from publishing.post_variants where post_id = :postId")
                .param("postId", postId)
                .update();
        insertVariants(postId, variants, now);
    }

    boolean delete(UUID postId) {
        return jdbc.sql("delete from publishing.posts where id = :id")
                        .param("id", postId)
                        .update()
                == 1;
    }

    /** Saves a transition; false when someone else changed the post since it was read. */
    boolean save(Post before, Post after) {
        return jdbc.sql(UPDATE)
                        .param("id", after.id())
                        .param("title", after.title())
                        .param("status", after.status().code())
                        .param("submittedAt", odt(after.submittedAt()))
                        .param("approvedBy", after.approvedBy())
                        .param("approvedAt", odt(after.approvedAt()))
                        .param("rejectionReason", after.rejectionReason())
                        .param("scheduledAt", odt(after.scheduledAt()))
                        .param("timeZone", after.timeZone())
                        .param("updatedAt", utc(after.updatedAt()))
                        .param("previousUpdatedAt", utc(before.updatedAt()))
                        .update()
                == 1;
    }

    private static Post post(ResultSet rs, int row) throws SQLException {
        return new Post(
                rs.getObject("id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getString("title"),
                PostStatus.ofCode(rs.getString("status")),
                instant(rs, "submitted_at"),
                rs.getObject("approved_by", UUID.class),
                instant(rs, "approved_at"),
                rs.getString("rejection_reason"),
                instant(rs, "scheduled_at"),
                rs.getString("time_zone"),
                instant(rs, "published_at"),
                requiredInstant(rs, "created_at"),
                requiredInstant(rs, "updated_at"));
    }

    /** A NOT NULL {@code timestamptz} column. */
    private static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime odt(@Nullable Instant instant) {
        return instant == null ? null : utc(instant);
    }
}

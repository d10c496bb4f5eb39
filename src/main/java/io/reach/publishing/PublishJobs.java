package io.reach.publishing;

import static io.reach.platform.time.UtcTimes.instantOrNull;
import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.social.PlatformError;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
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

/** The current tenant's publish jobs and their attempts. */
@Repository
class PublishJobs {

    private static final String UPSERT = """
            insert into publishing.publish_jobs (tenant_id, id, post_id, post_variant_id, social_account_id, platform,
                scheduled_at, next_attempt_at, idempotency_key, created_at, updated_at)
            values (:tenant, :id, :postId, :variantId, :accountId, :platform, :at, :at, :key, :now, :now)
            on conflict (tenant_id, idempotency_key) do update set scheduled_at = excluded.scheduled_at,
                next_attempt_at = excluded.next_attempt_at, status = 'pending', updated_at = excluded.updated_at
                where publishing.publish_jobs.status in ('pending', 'retry', 'cancelled')
            returning id""";
    private static final String COLUMNS = """
            j.id, j.post_id, j.post_variant_id, j.social_account_id, j.platform, j.scheduled_at, j.next_attempt_at,
            j.status, j.attempt, j.lookup_first, j.provider_job_id, j.last_error, j.last_error_kind, j.last_http_status,
            j.published_at, v.text, v.media_refs::text as media_refs, v.metadata::text as variant_metadata""";
    private static final String CLAIM = """
            update publishing.publish_jobs j set status = 'running', attempt = attempt + 1, heartbeat_at = :now,
                updated_at = :now
            from publishing.post_variants v
            where j.id = :id and v.tenant_id = j.tenant_id and v.id = j.post_variant_id
              and j.status in ('pending', 'retry')
            returning\s""" + COLUMNS;
    /**
     * Takes up to {@code :limit} of the tenant's due jobs, the longest due first; jobs another run holds are
     * skipped. The due jobs are picked in a materialized CTE: as an {@code in (…)} subquery the planner may
     * run the pick again for each row it joins, and each run locks and returns other jobs (a claim of 100
     * came back with more).
     */
    private static final String CLAIM_DUE = """
            with due as materialized (
                select id from publishing.publish_jobs
                where status in ('pending', 'retry') and next_attempt_at <= :now
                order by next_attempt_at, id limit :limit for update skip locked)
            update publishing.publish_jobs j set status = 'running', attempt = attempt + 1, heartbeat_at = :now,
                updated_at = :now
            from due, publishing.post_variants v
            where j.id = due.id and v.tenant_id = j.tenant_id and v.id = j.post_variant_id
            returning\s""" + COLUMNS;

    private static final String NEXT_DUE = """
            select min(next_attempt_at) from publishing.publish_jobs
            where status in ('pending', 'retry') and next_attempt_at > :now""";
    private static final String OF_POST = "select " + COLUMNS + """
             from publishing.publish_jobs j join publishing.post_variants v
              on v.tenant_id = j.tenant_id and v.id = j.post_variant_id
            where j.post_id = :postId order by j.created_at, j.id""";
    /** Ends the attempt and records it, in one statement: no attempt row without the job's end, nor the reverse. */
    private static final String FINISH = """
            with finished as (
                update publishing.publish_jobs set status = :status, provider_job_id = coalesce(:providerId, provider_job_id),
                    last_error = :error, last_error_kind = :kind, last_http_status = :httpStatus, next_attempt_at = :next,
                    lookup_first = :lookupFirst, published_at = :publishedAt, updated_at = :now
                where id = :id and status = 'running' and attempt = :attempt
                returning tenant_id, id)
            insert into publishing.publish_attempts (tenant_id, id, publish_job_id, attempted_at, outcome, http_status,
                response_excerpt)
            select tenant_id, :attemptId, id, :now, :outcome, :httpStatus, :excerpt from finished""";

    private static final String BEAT = """
            update publishing.publish_jobs set heartbeat_at = :now
            where id = :id and status = 'running' and attempt = :attempt""";
    private static final String ATTEMPTS = """
            select attempted_at, outcome, http_status, response_excerpt from publishing.publish_attempts
            where publish_job_id = :jobId order by attempted_at, id""";
    private static final String STRANDED = """
            select id, attempt from publishing.publish_jobs
            where (status in ('pending', 'retry') and next_attempt_at < :overdue)""";
    private static final String ABANDONED = """
            update publishing.publish_jobs set status = 'retry', lookup_first = true, next_attempt_at = :now,
                last_error = 'The node publishing this job stopped; checking the platform before trying again',
                last_error_kind = 'unknown', updated_at = :now
            where status = 'running' and coalesce(heartbeat_at, updated_at) < :abandonedBefore""";
    private static final String CANCEL_OPEN = """
            update publishing.publish_jobs set status = 'cancelled', updated_at = :now
            where post_id = :postId and status in ('pending', 'retry') returning id""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Ids ids;

    PublishJobs(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Ids ids) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.ids = ids;
    }

    record Job(
            UUID id,
            UUID postId,
            UUID postVariantId,
            UUID socialAccountId,
            String platform,
            Instant scheduledAt,
            Instant nextAttemptAt,
            String status,
            int attempt,
            boolean lookupFirst,
            @Nullable String providerJobId,
            @Nullable String lastError,
            @Nullable String lastErrorKind,
            @Nullable Integer lastHttpStatus,
            @Nullable Instant publishedAt,
            String text,
            String mediaRefs,
            String variantMetadata) {

        PublishJobStatus state() {
            return PublishJobStatus.ofCode(status);
        }
    }

    /**
     * A job row by its column names. Written out rather than {@code SimplePropertyRowMapper}: that one looks
     * each property up under its Java name first, and the driver builds an exception for every miss (a
     * claim of a hundred due jobs spent most of its JVM time on them).
     */
    private static final RowMapper<Job> JOB_ROW = (rs, row) -> new Job(
            rs.getObject("id", UUID.class),
            rs.getObject("post_id", UUID.class),
            rs.getObject("post_variant_id", UUID.class),
            rs.getObject("social_account_id", UUID.class),
            rs.getString("platform"),
            rs.getObject("scheduled_at", OffsetDateTime.class).toInstant(),
            rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
            rs.getString("status"),
            rs.getInt("attempt"),
            rs.getBoolean("lookup_first"),
            rs.getString("provider_job_id"),
            rs.getString("last_error"),
            rs.getString("last_error_kind"),
            rs.getObject("last_http_status", Integer.class),
            instantOrNull(rs.getObject("published_at", OffsetDateTime.class)),
            rs.getString("text"),
            rs.getString("media_refs"),
            rs.getString("variant_metadata"));

    record Attempt(
            Instant attemptedAt,
            String outcome,
            @Nullable Integer httpStatus,
            @Nullable String responseExcerpt) {}

    /** As {@code query(Attempt.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Attempt> ATTEMPT_ROW = new SimplePropertyRowMapper<>(Attempt.class);

    /** Plans a variant's job at {@code at}; a job not yet running is moved. Returns its id, if it could be (re)planned. */
    Optional<UUID> plan(UUID postId, UUID variantId, UUID accountId, String platform, Instant at, Instant now) {
        return jdbc.sql(UPSERT)
                .param("tenant", TenantContext.require().value())
                .param("id", ids.next())
                .param("postId", postId)
                .param("variantId", variantId)
                .param("accountId", accountId)
                .param("platform", platform)
                .param("at", utc(at))
                .param("key", "variant:" + variantId)
                .param("now", utc(now))
                .query(UUID.class)
                .optional();
    }

    /** Takes a due job for this run; empty when it is not pending (already done, running elsewhere, cancelled). */
    Optional<Job> claim(UUID id, Instant now) {
        return jdbc.sql(CLAIM)
                .param("id", id)
                .param("now", utc(now))
                .query(JOB_ROW)
                .optional();
    }

    /** Takes up to {@code limit} due jobs for this run, the longest due first (see {@link #claim}). */
    List<Job> claimDue(Instant now, int limit) {
        return jdbc.sql(CLAIM_DUE)
                .param("now", utc(now))
                .param("limit", limit)
                .query(JOB_ROW)
                .list();
    }

    /** When the next job not yet due falls due, if one is waiting. */
    Optional<Instant> nextDue(Instant now) {
        return jdbc.sql(NEXT_DUE)
                .param("now", utc(now))
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, java.time.OffsetDateTime.class)))
                .single()
                .map(java.time.OffsetDateTime::toInstant);
    }

    List<Job> ofPost(UUID postId) {
        return jdbc.sql(OF_POST).param("postId", postId).query(JOB_ROW).list();
    }

    List<Attempt> attempts(UUID jobId) {
        return jdbc.sql(ATTEMPTS).param("jobId", jobId).query(ATTEMPT_ROW).list();
    }

    /**
     * How a claimed attempt ended: the job's next status (one an attempt may end in), the provider's
     * id of the post, the error and its kind, and when and how the next attempt runs.
     */
    record AttemptEnd(
            PublishJobStatus status,
            @Nullable String providerId,
            @Nullable String error,
            PlatformError.@Nullable Kind kind,
            @Nullable Integer httpStatus,
            Instant next,
            boolean lookupFirst,
            @Nullable Instant publishedAt) {

        AttemptEnd {
            if (!status.endsAnAttempt()) {
                throw new IllegalArgumentException("A running job cannot become " + status.code());
            }
        }

        /** Tried again at {@code next}; {@code lookupFirst} when the platform may have the post already. */
        static AttemptEnd retry(
                String error,
                PlatformError.Kind kind,
                @Nullable Integer httpStatus,
                Instant next,
                boolean lookupFirst) {
            return new AttemptEnd(PublishJobStatus.RETRY, null, error, kind, httpStatus, next, lookupFirst, null);
        }

        /** Settled at {@code now}: published (success), failed or missed. */
        static AttemptEnd settled(
                PublishJobStatus status,
                @Nullable String providerId,
                @Nullable String error,
                PlatformError.@Nullable Kind kind,
                @Nullable Integer httpStatus,
                Instant now) {
            return new AttemptEnd(
                    status,
                    providerId,
                    error,
                    kind,
                    httpStatus,
                    now,
                    false,
                    status == PublishJobStatus.SUCCESS ? now : null);
        }
    }

    /**
     * Records the end of the claimed attempt {@code attempt}, and the attempt with its outcome (its error as
     * the excerpt); false when the job is no longer that attempt's (the sweep took it back and another runner
     * claimed it), so nothing is recorded.
     */
    boolean finish(UUID id, int attempt, AttemptEnd end, PublishOutcome outcome, Instant now) {
        return finishAll(List.of(new Ending(id, attempt, end, outcome)), now).getFirst();
    }

    /** How claimed attempt {@code attempt} of job {@code id} ended, and what it came to. */
    record Ending(UUID id, int attempt, AttemptEnd end, PublishOutcome outcome) {}

    /** {@link #finish} for several attempts in one round trip; whether each was still its attempt's. */
    List<Boolean> finishAll(List<Ending> endings, Instant now) {
        SqlParameterSource[] rows =
                endings.stream().map(ending -> finishing(ending, now)).toArray(SqlParameterSource[]::new);
        return Arrays.stream(batch.batchUpdate(FINISH, rows))
                .mapToObj(count -> count == 1)
                .toList();
    }

    private SqlParameterSource finishing(Ending ending, Instant now) {
        AttemptEnd end = ending.end();
        String excerpt = end.error();
        return new MapSqlParameterSource()
                .addValue("attemptId", ids.next())
                .addValue("outcome", ending.outcome().code())
                .addValue(
                        "excerpt",
                        excerpt == null ? null : excerpt.substring(0, Math.min(excerpt.length(), 1000)),
                        Types.VARCHAR)
                .addValue("id", ending.id())
                .addValue("attempt", ending.attempt())
                .addValue("status", end.status().code())
                .addValue("providerId", end.providerId(), Types.VARCHAR)
                .addValue("error", end.error(), Types.VARCHAR)
                .addValue("kind", end.kind() == null ? null : end.kind().name().toLowerCase(), Types.VARCHAR)
                .addValue("httpStatus", end.httpStatus(), Types.INTEGER)
                .addValue("next", utc(end.next()))
                .addValue("lookupFirst", end.lookupFirst())
                .addValue(
                        "publishedAt",
                        end.publishedAt() == null ? null : utc(end.publishedAt()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("now", utc(now));
    }

    /** The runner of attempt {@code attempt} is alive; false when the job is no longer that attempt's. */
    boolean beat(UUID id, int attempt, Instant now) {
        return beatAll(List.of(new Beat(id, attempt)), now).getFirst();
    }

    /** Claimed attempt {@code attempt} of job {@code id}. */
    record Beat(UUID id, int attempt) {}

    /** {@link #beat} for several attempts in one round trip; whether each job is still its attempt's. */
    List<Boolean> beatAll(List<Beat> beats, Instant now) {
        SqlParameterSource[] rows = beats.stream()
                .map(beat -> new MapSqlParameterSource()
                        .addValue("id", beat.id())
                        .addValue("attempt", beat.attempt())
                        .addValue("now", utc(now)))
                .toArray(SqlParameterSource[]::new);
        return Arrays.stream(batch.batchUpdate(BEAT, rows))
                .mapToObj(count -> count == 1)
                .toList();
    }

    record Stranded(UUID id, int attempt) {}

    /** The job id column ({@code returning id}), typed so the ids are known not to be null. */
    private static final RowMapper<UUID> JOB_ID = (rs, row) -> rs.getObject(1, UUID.class);

    /** As {@code query(Stranded.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Stranded> STRANDED_ROW = new SimplePropertyRowMapper<>(Stranded.class);

    /**
     * Jobs due a while ago that no task instance picked up, after first taking back running jobs
     * whose runner has not beaten for {@code staleAfter} (its node died or stalled).
     */
    List<Stranded> stranded(Instant now, Duration staleAfter) {
        jdbc.sql(ABANDONED)
                .param("now", utc(now))
                .param("abandonedBefore", utc(now.minus(staleAfter)))
                .update();
        return jdbc.sql(STRANDED)
                .param("overdue", utc(now.minusSeconds(60)))
                .query(STRANDED_ROW)
                .list();
    }

    List<UUID> cancelOpen(UUID postId, Instant now) {
        return jdbc.sql(CANCEL_OPEN)
                .param("postId", postId)
                .param("now", utc(now))
                .query(JOB_ID)
                .list();
    }
}

package io.reach.podcasts.counting;

import static io.reach.platform.time.UtcTimes.utc;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import io.reach.platform.web.Codes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Measurement's background work — log-file imports and recounts — with its progress, in the workspace. */
@Repository
public class MeasurementJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    MeasurementJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @CheckSet(table = "podcasts.measurement_jobs", column = "kind")
    public enum Kind {
        LOG_IMPORT("log_import"),
        RECOUNT("recount");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    @CheckSet(table = "podcasts.measurement_jobs", column = "status")
    public enum Status {
        QUEUED("queued"),
        RUNNING("running"),
        SUCCEEDED("succeeded"),
        FAILED("failed");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    /**
     * A job and how far it is: {@code done} of {@code total} (log lines, or days), requests stored and
     * lines refused (imports), the first refusals by line ([{line, errors}]), and the error that stopped it.
     */
    public record Job(
            UUID id,
            Kind kind,
            Status status,
            @Nullable String logFormat,
            @Nullable String fileName,
            @Nullable LocalDate firstDay,
            @Nullable LocalDate lastDay,
            @Nullable Long total,
            long done,
            long stored,
            long refused,
            JsonNode refusals,
            @Nullable String error,
            Instant createdAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt) {}

    public void add(
            UUID id,
            Kind kind,
            @Nullable String logFormat,
            @Nullable String fileName,
            @Nullable String sha256,
            @Nullable LocalDate first,
            @Nullable LocalDate last,
            @Nullable Long total,
            Instant now) {
        jdbc.sql("""
                insert into podcasts.measurement_jobs (tenant_id, id, kind, status, log_format, file_name, file_sha256,
                    first_day, last_day, total, created_at)
                values (platform.current_tenant_id(), :id, :kind, 'queued', :format, :file, :sha, :first, :last, :total, :now)""")
                .param("id", id)
                .param("kind", kind.code())
                .param("format", logFormat)
                .param("file", fileName)
                .param("sha", sha256)
                .param("first", first)
                .param("last", last)
                .param("total", total)
                .param("now", utc(now))
                .update();
    }

    public Optional<Job> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(MeasurementJobs::job)
                .optional();
    }

    public List<Job> recent(@Nullable Kind kind, int limit) {
        return jdbc.sql(
                        SELECT
                                + " where (cast(:kind as text) is null or kind = :kind) order by created_at desc, id desc limit :limit")
                .param("kind", kind == null ? null : kind.code())
                .param("limit", limit)
                .query(MeasurementJobs::job)
                .list();
    }

    /** Whether an import of a file with this digest already stored (or is storing) its requests. */
    public boolean imported(String sha256) {
        return jdbc.sql("select exists (select 1 from podcasts.measurement_jobs where kind = 'log_import'"
                        + " and file_sha256 = :sha and status <> 'failed')")
                .param("sha", sha256)
                .query(Boolean.class)
                .single();
    }

    public void started(UUID id, Instant now) {
        jdbc.sql("update podcasts.measurement_jobs set status = 'running', started_at = coalesce(started_at, :now)"
                        + " where id = :id")
                .param("id", id)
                .param("now", utc(now))
                .update();
    }

    public void progress(
            UUID id, long done, long stored, long refused, @Nullable Long total, @Nullable String refusals) {
        jdbc.sql("""
                update podcasts.measurement_jobs set done = :done, stored = :stored, refused = :refused,
                    total = coalesce(:total, total), refusals = coalesce(cast(:refusals as jsonb), refusals)
                where id = :id""")
                .param("id", id)
                .param("done", done)
                .param("stored", stored)
                .param("refused", refused)
                .param("total", total)
                .param("refusals", refusals)
                .update();
    }

    public void finished(UUID id, @Nullable String error, Instant now) {
        jdbc.sql("""
                update podcasts.measurement_jobs set status = :status, error = :error, finished_at = :now
                where id = :id""")
                .param("id", id)
                .param("status", error == null ? "succeeded" : "failed")
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
                .param("now", utc(now))
                .update();
    }

    private static final String SELECT = """
            select id, kind, status, log_format, file_name, first_day, last_day, total, done, stored, refused,
                refusals::text as refusals, error, created_at, started_at, finished_at
            from podcasts.measurement_jobs""";

    private static Job job(ResultSet rs, int row) throws SQLException {
        OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        long total = rs.getLong("total");
        Long totalOrNull = rs.wasNull() ? null : total;
        return new Job(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                "recount".equals(rs.getString("kind")) ? Kind.RECOUNT : Kind.LOG_IMPORT,
                Codes.stored(Status.class, Objects.requireNonNull(rs.getString("status"))),
                rs.getString("log_format"),
                rs.getString("file_name"),
                rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class),
                totalOrNull,
                rs.getLong("done"),
                rs.getLong("stored"),
                rs.getLong("refused"),
                JSON.readTree(Objects.requireNonNull(rs.getString("refusals"))),
                rs.getString("error"),
                Objects.requireNonNull(rs.getObject("created_at", OffsetDateTime.class))
                        .toInstant(),
                started == null ? null : started.toInstant(),
                finished == null ? null : finished.toInstant());
    }
}

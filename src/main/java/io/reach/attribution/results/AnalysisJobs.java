package io.reach.attribution.results;

import static io.reach.platform.time.UtcTimes.utc;

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

/** The rows of {@code attribution.analysis_jobs}: each analysis with its progress, in the workspace's transaction. */
@Repository
public class AnalysisJobs {

    private static final String SELECT = """
            select id, status, first_day, last_day, lookback_days, total_days, done_days, paths, error, created_at,
                started_at, finished_at
            from attribution.analysis_jobs""";

    private final JdbcClient jdbc;

    AnalysisJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An analysis as the API shows it. */
    public record Job(
            UUID id,
            AnalysisStatus status,
            LocalDate firstDay,
            LocalDate lastDay,
            int lookbackDays,
            int totalDays,
            int doneDays,
            long paths,
            @Nullable String error,
            Instant createdAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt) {}

    void add(UUID id, LocalDate first, LocalDate last, int lookbackDays, int days, Instant now) {
        jdbc.sql("""
                insert into attribution.analysis_jobs (tenant_id, id, status, first_day, last_day, lookback_days,
                    total_days, created_at)
                values (platform.current_tenant_id(), :id, 'queued', :first, :last, :lookback, :days, :now)""")
                .param("id", id)
                .param("first", first)
                .param("last", last)
                .param("lookback", lookbackDays)
                .param("days", days)
                .param("now", utc(now))
                .update();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(AnalysisJobs::job)
                .optional();
    }

    List<Job> recent(int limit) {
        return jdbc.sql(SELECT + " order by created_at desc, id desc limit :limit")
                .param("limit", limit)
                .query(AnalysisJobs::job)
                .list();
    }

    void started(UUID id, Instant now) {
        jdbc.sql("update attribution.analysis_jobs set status = 'running', started_at = :now where id = :id")
                .param("id", id)
                .param("now", utc(now))
                .update();
    }

    void progress(UUID id, int doneDays, long paths) {
        jdbc.sql("update attribution.analysis_jobs set done_days = :done, paths = :paths where id = :id")
                .param("id", id)
                .param("done", doneDays)
                .param("paths", paths)
                .update();
    }

    void finished(UUID id, @Nullable String error, Instant now) {
        jdbc.sql("""
                update attribution.analysis_jobs set status = :status, error = :error, finished_at = :now
                where id = :id""")
                .param("id", id)
                .param("status", error == null ? "succeeded" : "failed")
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
                .param("now", utc(now))
                .update();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new Job(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                Codes.stored(AnalysisStatus.class, Objects.requireNonNull(rs.getString("status"))),
                Objects.requireNonNull(rs.getObject("first_day", LocalDate.class)),
                Objects.requireNonNull(rs.getObject("last_day", LocalDate.class)),
                rs.getInt("lookback_days"),
                rs.getInt("total_days"),
                rs.getInt("done_days"),
                rs.getLong("paths"),
                rs.getString("error"),
                Objects.requireNonNull(rs.getObject("created_at", OffsetDateTime.class))
                        .toInstant(),
                started == null ? null : started.toInstant(),
                finished == null ? null : finished.toInstant());
    }
}

package io.reach.measurement.rollup;

import static io.reach.platform.time.UtcTimes.utc;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rollup rebuilds as background work: a request records the rebuild and puts a db-scheduler task
 * ({@code rollup-rebuild}) on the timetable; the task recomputes one day per transaction and
 * counts it done in the same transaction, so the progress read through the API is exact, the log
 * shows each day, and a task picked up again after its node died carries on from the last day
 * done. One rebuild at a time per tenant.
 */
@Component
public class RollupRebuilds {

    private static final Logger log = LoggerFactory.getLogger(RollupRebuilds.class);
    static final TaskDescriptor<String> TASK = TaskDescriptor.of("rollup-rebuild", String.class);

    private static final String COLUMNS = """
            id, from_day, to_day, status, days_total, days_done, rows_written, error, created_at, started_at, finished_at""";
    private static final String ACTIVE = """
            select id from measurement.rollup_rebuilds where tenant_id = :tenant and status in ('queued', 'running')""";
    private static final String INSERT = """
            insert into measurement.rollup_rebuilds (tenant_id, id, from_day, to_day, days_total, created_at, updated_at)
            values (:tenant, :id, :from, :to, :days, :now, :now)""";
    private static final String FIND =
            "select " + COLUMNS + " from measurement.rollup_rebuilds where tenant_id = :tenant and id = :id";
    private static final String BEGIN = """
            update measurement.rollup_rebuilds set status = 'running', started_at = coalesce(started_at, :now), updated_at = :now
            where tenant_id = :tenant and id = :id and status in ('queued', 'running')
            returning\s""" + COLUMNS;
    private static final String DAY_DONE = """
            update measurement.rollup_rebuilds set days_done = :done, rows_written = rows_written + :rows, updated_at = :now
            where tenant_id = :tenant and id = :id and status = 'running'""";
    private static final String FINISH = """
            update measurement.rollup_rebuilds set status = :status, error = :error, finished_at = :now, updated_at = :now
            where tenant_id = :tenant and id = :id and status = 'running'""";

    /** A rebuild and how far it got: {@code days_done} of {@code days_total} days of {@code [from, to)}. */
    public record RebuildProgress(
            UUID id,
            LocalDate from,
            LocalDate to,
            String status,
            int daysTotal,
            int daysDone,
            long rowsWritten,
            @Nullable String error,
            Instant createdAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt) {}

    private final JdbcClient jdbc;
    private final TrackerRollups rollups;
    private final TenantTransactions transactions;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Ids ids;
    private final Clock clock;

    RollupRebuilds(
            JdbcClient jdbc,
            TrackerRollups rollups,
            TenantTransactions transactions,
            ObjectProvider<SchedulerClient> scheduler,
            Ids ids,
            Clock clock) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.ids = ids;
        this.clock = clock;
    }

    /** Records a rebuild of the current tenant's days {@code [from, to)} and starts it in the background. */
    public RebuildProgress start(LocalDate from, LocalDate to) {
        TenantId tenant = TenantContext.require();
        UUID id = ids.next();
        RebuildProgress queued = transactions.inTransaction(() -> {
            Optional<UUID> active = jdbc.sql(ACTIVE)
                    .param("tenant", tenant.value())
                    .query(UUID.class)
                    .optional();
            if (active.isPresent()) {
                throw new ConflictException(
                        "Rebuild in progress",
                        "Rebuild " + active.get() + " of this tenant is not finished; wait for it to end");
            }
            jdbc.sql(INSERT)
                    .param("tenant", tenant.value())
                    .param("id", id)
                    .param("from", from)
                    .param("to", to)
                    .param("days", (int) ChronoUnit.DAYS.between(from, to))
                    .param("now", utc(clock.instant()))
                    .update();
            return find(id).orElseThrow();
        });
        String key = tenant.value() + ":" + id;
        scheduler.getObject().scheduleIfNotExists(TASK.instance(key).data(key).scheduledTo(clock.instant()));
        log.info(
                "Rollup rebuild {} of tenant {}: {} to {} ({} days) queued",
                id,
                tenant.value(),
                from,
                to,
                queued.daysTotal());
        return queued;
    }

    /** The current tenant's rebuild, if it has one of that id. */
    public Optional<RebuildProgress> find(UUID id) {
        return jdbc.sql(FIND)
                .param("tenant", TenantContext.require().value())
                .param("id", id)
                .query(RollupRebuilds::row)
                .optional();
    }

    /** The task's work: the days not done yet, one transaction each, then the rebuild is done (or failed). */
    void run(TenantId tenant, UUID id) {
        RebuildProgress rebuild = transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql(BEGIN)
                        .param("tenant", tenant.value())
                        .param("id", id)
                        .param("now", utc(clock.instant()))
                        .query(RollupRebuilds::row)
                        .optional()
                        .orElse(null));
        if (rebuild == null) {
            return;
        }
        int done = rebuild.daysDone();
        try {
            for (; done < rebuild.daysTotal(); done++) {
                LocalDate day = rebuild.from().plusDays(done);
                int next = done + 1;
                int rows = transactions.inTransactionAs(tenant, () -> {
                    int written = rollups.rebuildDay(day);
                    jdbc.sql(DAY_DONE)
                            .param("tenant", tenant.value())
                            .param("id", id)
                            .param("done", next)
                            .param("rows", written)
                            .param("now", utc(clock.instant()))
                            .update();
                    return written;
                });
                log.info(
                        "Rollup rebuild {} of tenant {}: day {} of {} ({}) done, {} rows",
                        id,
                        tenant.value(),
                        next,
                        rebuild.daysTotal(),
                        day,
                        rows);
            }
            transactions.inTransactionAs(tenant, () -> {
                rollups.coverRebuilt(rebuild.from(), rebuild.to());
                return finish(tenant, id, RebuildStatus.DONE, null);
            });
            log.info("Rollup rebuild {} of tenant {}: all {} days done", id, tenant.value(), rebuild.daysTotal());
        } catch (RuntimeException e) {
            log.error(
                    "Rollup rebuild {} of tenant {} stopped at day {} of {}",
                    id,
                    tenant.value(),
                    done + 1,
                    rebuild.daysTotal(),
                    e);
            String error = "stopped at day " + (done + 1) + " of " + rebuild.daysTotal()
                    + "; start a new rebuild to try again";
            transactions.inTransactionAs(tenant, () -> finish(tenant, id, RebuildStatus.FAILED, error));
        }
    }

    /** Ends a running rebuild (the statement moves only a running one). */
    private int finish(TenantId tenant, UUID id, RebuildStatus status, @Nullable String error) {
        if (!RebuildStatus.RUNNING.canMoveTo(status)) {
            throw new IllegalArgumentException("A running rebuild cannot become " + status.code());
        }
        return jdbc.sql(FINISH)
                .param("tenant", tenant.value())
                .param("id", id)
                .param("status", status.code())
                .param("error", error)
                .param("now", utc(clock.instant()))
                .update();
    }

    private static RebuildProgress row(ResultSet rs, int row) throws SQLException {
        return new RebuildProgress(
                rs.getObject("id", UUID.class),
                rs.getObject("from_day", LocalDate.class),
                rs.getObject("to_day", LocalDate.class),
                rs.getString("status"),
                rs.getInt("days_total"),
                rs.getInt("days_done"),
                rs.getLong("rows_written"),
                rs.getString("error"),
                requiredInstant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    /** A NOT NULL {@code timestamptz} column. */
    private static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {

        @Bean
        OneTimeTask<String> rollupRebuildTask(RollupRebuilds rebuilds) {
            return Tasks.oneTime(TASK).execute((instance, context) -> {
                String[] parts = instance.getData().split(":");
                rebuilds.run(TenantId.of(UUID.fromString(parts[0])), UUID.fromString(parts[1]));
            });
        }
    }
}

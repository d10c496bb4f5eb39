package io.reach.measurement;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the day partitions of the event tables: every late-window day back to seven days ahead
 * exist (so every accepted event has its partition), and days wholly past the retention
 * ({@code reach.measurement.retention}, two years by default, checked at start to exceed the late
 * window) are dropped, never one inside the accepted event window. Runs at start and
 * every few hours, followed by the tenants' own shorter retention ({@link TrackerRetention}).
 */
@Component
class TrackerPartitions {

    private static final Logger log = LoggerFactory.getLogger(TrackerPartitions.class);
    private static final int DAYS_AHEAD = 7;

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final Duration lateWindow;
    private final Duration retention;
    private final Clock clock;

    TrackerPartitions(
            JdbcClient jdbc,
            TenantTransactions transactions,
            @Value("${reach.measurement.late-window:7d}") Duration lateWindow,
            @Value("${reach.measurement.retention:730d}") Duration retention,
            Clock clock) {
        if (Duration.ofDays(retention.toDays()).compareTo(lateWindow.plusDays(1)) < 0) {
            throw new IllegalStateException(
                    "reach.measurement.retention (" + retention.toDays() + " whole days) must exceed "
                            + "reach.measurement.late-window (" + lateWindow
                            + ") by at least a day: partitions past the retention "
                            + "are dropped, and events as old as the late window are still accepted into them");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lateWindow = lateWindow;
        this.retention = retention;
        this.clock = clock;
    }

    record Maintained(int created, int dropped) {}

    Maintained maintain() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return maintain(
                today.minusDays(lateWindow.toDays() + 1),
                today.plusDays(DAYS_AHEAD),
                today.minusDays(retention.toDays()));
    }

    /** Ensures the day partitions of {@code [first, last]}, dropping none (for sample history older than the late window). */
    int ensure(LocalDate first, LocalDate last) {
        return transactions.inTransactionAs(
                TenantId.PLATFORM,
                () -> jdbc.sql("select measurement.ensure_tracker_partitions(:first, :last)")
                        .param("first", first)
                        .param("last", last)
                        .query(Integer.class)
                        .single());
    }

    /**
     * Ensures the partitions of {@code [first, last]} and drops those before {@code dropBefore}. The
     * database refuses a cutoff inside the accepted event window (declared here first), so a wrong
     * setting or caller cannot drop what ingestion may still write; the partitions are ensured all the same.
     */
    Maintained maintain(LocalDate first, LocalDate last, LocalDate dropBefore) {
        int created = ensure(first, last);
        int dropped = transactions.inTransactionAs(TenantId.PLATFORM, () -> {
            jdbc.sql("select measurement.declare_event_window(cast(:late as interval))")
                    .param("late", lateWindow.toSeconds() + " seconds")
                    .query((rs, row) -> 1)
                    .list();
            return jdbc.sql("select measurement.drop_tracker_partitions(:before)")
                    .param("before", dropBefore)
                    .query(Integer.class)
                    .single();
        });
        Maintained done = new Maintained(created, dropped);
        log.info(
                "Tracker partitions: {} created ({} to {}), {} dropped (before {})",
                done.created(),
                first,
                last,
                done.dropped(),
                dropBefore);
        return done;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> trackerPartitionsTask(TrackerPartitions partitions, TrackerRetention retention) {
            return Tasks.recurring("tracker-partitions", FixedDelay.of(Duration.ofHours(6)))
                    .execute((instance, context) -> {
                        partitions.maintain();
                        retention.expire();
                    });
        }
    }
}

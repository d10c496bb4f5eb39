package io.reach.measurement;

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

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;

/**
 * Keeps the day partitions of the event tables: every late-window day back to seven days ahead
 * exist (so every accepted event has its partition), and days wholly past the retention
 * ({@code reach.measurement.retention}, two years by default) are dropped. Runs at start and
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

    TrackerPartitions(JdbcClient jdbc, TenantTransactions transactions,
            @Value("${reach.measurement.late-window:7d}") Duration lateWindow,
            @Value("${reach.measurement.retention:730d}") Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lateWindow = lateWindow;
        this.retention = retention;
        this.clock = clock;
    }

    record Maintained(int created, int dropped) {
    }

    Maintained maintain() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return maintain(today.minusDays(lateWindow.toDays() + 1), today.plusDays(DAYS_AHEAD),
                today.minusDays(retention.toDays()));
    }

    /** Ensures the partitions of {@code [first, last]} and drops those before {@code dropBefore}. */
    Maintained maintain(LocalDate first, LocalDate last, LocalDate dropBefore) {
        Maintained done = transactions.inTransactionAs(TenantId.PLATFORM, () -> new Maintained(
                jdbc.sql("select measurement.ensure_tracker_partitions(:first, :last)").param("first", first)
                        .param("last", last).query(Integer.class).single(),
                jdbc.sql("select measurement.drop_tracker_partitions(:before)").param("before", dropBefore)
                        .query(Integer.class).single()));
        log.info("Tracker partitions: {} created ({} to {}), {} dropped (before {})", done.created(), first, last,
                done.dropped(), dropBefore);
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

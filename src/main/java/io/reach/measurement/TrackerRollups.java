package io.reach.measurement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

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

import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;

/**
 * Refreshes the rollups incrementally: each run recomputes, per tenant, the window from its
 * watermark minus a lookback (hourly: 3 hours; daily: 3 days) up to the last complete hour or
 * day, so late events within the lookback are counted. A window is replaced whole (delete and
 * insert in one transaction), so re-running it gives the same rows. A rebuild recomputes any
 * range day by day, logging its progress.
 */
@Component
class TrackerRollups {

    private static final Logger log = LoggerFactory.getLogger(TrackerRollups.class);
    private static final Duration HOURLY_LOOKBACK = Duration.ofHours(3);
    private static final Duration DAILY_LOOKBACK = Duration.ofDays(3);
    private static final String DAILY = """
            insert into measurement.daily_analytics (tenant_id, id, date_recorded, entity_type, entity_id, metric_name,
                metric_value, created_at)
            select tenant_id, gen_random_uuid(), day, 'tenant', tenant_id, metric, value, :now
            from (select tenant_id, (created_at at time zone 'UTC')::date as day, count(*) as events,
                         count(distinct session_id) as sessions, count(distinct user_id) as users,
                         coalesce(sum(event_value), 0) as value_sum
                  from measurement.trackers where created_at >= :from and created_at < :to and not is_bot
                  group by 1, 2) d
            cross join lateral (values ('events', events::numeric), ('sessions', sessions::numeric),
                                       ('users', users::numeric), ('event_value_sum', value_sum)) m(metric, value)""";

    private final JdbcClient jdbc;
    private final AllTenants allTenants;
    private final TenantTransactions transactions;
    private final Duration lateWindow;
    private final Clock clock;

    TrackerRollups(JdbcClient jdbc, AllTenants allTenants, TenantTransactions transactions,
            @Value("${reach.measurement.late-window:7d}") Duration lateWindow, Clock clock) {
        this.jdbc = jdbc;
        this.allTenants = allTenants;
        this.transactions = transactions;
        this.lateWindow = lateWindow;
        this.clock = clock;
    }

    /**
     * Replaces the current tenant's hourly rollup rows of {@code [from, to)} (whole hours) in all
     * three shapes; returns the rows written.
     */
    int refreshHourly(Instant from, Instant to) {
        return replace("tracker_hourly", "tenant_id, bucket, " + TrackerFacts.DIMENSIONS, TrackerFacts.PER_HOUR, from, to)
                + replace("tracker_hourly_totals", "tenant_id, bucket, is_bot", TrackerFacts.TOTALS_PER_HOUR, from, to)
                + replace("tracker_hourly_by_dimension", "tenant_id, bucket, dimension, value, is_bot",
                        TrackerFacts.BY_DIMENSION_PER_HOUR, from, to);
    }

    private int replace(String table, String keys, String select, Instant from, Instant to) {
        jdbc.sql("delete from measurement." + table + " where bucket >= :from and bucket < :to").param("from", utc(from))
                .param("to", utc(to)).update();
        return jdbc.sql("insert into measurement." + table + " (" + keys
                + ", events, sessions, users, value_sum, value_count) " + select).param("from", utc(from))
                .param("to", utc(to)).update();
    }

    /** Replaces the current tenant's daily_analytics rows of the days {@code [from, to)}. */
    int refreshDaily(LocalDate from, LocalDate to) {
        jdbc.sql("delete from measurement.daily_analytics where entity_type = 'tenant' and date_recorded >= :from"
                + " and date_recorded < :to").param("from", from).param("to", to).update();
        return jdbc.sql(DAILY).param("from", utc(start(from))).param("to", utc(start(to))).param("now", utc(clock.instant()))
                .update();
    }

    /** Runs both rollups for every tenant up to the last complete hour and day; returns the rows written. */
    int runDue() {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int rows = allTenants.sumOverTenantsAndPlatform(tenant -> {
            Instant hourlyFrom = watermark("hourly").map(done -> done.minus(HOURLY_LOOKBACK))
                    .orElse(hour.minus(lateWindow));
            int written = refreshHourly(hourlyFrom, hour);
            advance("hourly", hour);
            LocalDate dailyFrom = watermark("daily").map(done -> LocalDate.ofInstant(done.minus(DAILY_LOOKBACK), ZoneOffset.UTC))
                    .orElse(today.minusDays(lateWindow.toDays()));
            written += refreshDaily(dailyFrom, today);
            advance("daily", start(today));
            return written;
        });
        log.info("Tracker rollups: {} rows written up to {}", rows, hour);
        return rows;
    }

    /** How far the current tenant's hourly rollup is done (live queries read raw events from there). */
    Optional<Instant> hourlyDone() {
        return watermark("hourly");
    }

    record Rebuilt(int days, int rows) {
    }

    /** Recomputes the tenant's rollups for the days {@code [from, to)}, one day per transaction, logging progress. */
    Rebuilt rebuild(TenantId tenant, LocalDate from, LocalDate to) {
        int rows = 0;
        int days = (int) ChronoUnit.DAYS.between(from, to);
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            LocalDate current = day;
            rows += transactions.inTransactionAs(tenant, () -> refreshHourly(start(current), start(current.plusDays(1)))
                    + refreshDaily(current, current.plusDays(1)));
            log.info("Rollup rebuild for tenant {}: day {} of {} ({}) done, {} rows so far", tenant.value(),
                    ChronoUnit.DAYS.between(from, day) + 1, days, day, rows);
        }
        return new Rebuilt(days, rows);
    }

    private Optional<Instant> watermark(String rollup) {
        return jdbc.sql("select done_until from measurement.rollup_watermarks where rollup = :rollup")
                .param("rollup", rollup).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    private void advance(String rollup, Instant doneUntil) {
        jdbc.sql("""
                insert into measurement.rollup_watermarks (tenant_id, rollup, done_until, updated_at)
                values (:tenant, :rollup, :done, :now)
                on conflict (tenant_id, rollup) do update set done_until = excluded.done_until,
                    updated_at = excluded.updated_at""").param("tenant", TenantContext.require().value())
                .param("rollup", rollup).param("done", utc(doneUntil)).param("now", utc(clock.instant())).update();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> trackerRollupTask(TrackerRollups rollups,
                @Value("${reach.measurement.rollup-interval:1h}") Duration interval) {
            return Tasks.recurring("tracker-rollups", FixedDelay.of(interval)).execute((instance, context) -> rollups.runDue());
        }
    }
}

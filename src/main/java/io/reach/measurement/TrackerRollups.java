package io.reach.measurement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
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

/**
 * Refreshes the rollups incrementally. The hourly rollup reaches the present: each run (every
 * minute) recounts the hours, of the current one and the three before, that received events
 * since the last run, and once an hour has passed, the hours from the watermark minus a 3-hour
 * lookback; the daily rollup is recomputed once a day from its watermark minus a
 * 3-day lookback up to the last complete day. Late events within the lookbacks are counted. A
 * window is replaced whole (delete and insert in one transaction), so re-running it gives the
 * same rows. A rebuild recomputes any range day by day ({@link RollupRebuilds}, in the background).
 */
@Component
class TrackerRollups {

    private static final Logger log = LoggerFactory.getLogger(TrackerRollups.class);
    private static final Duration HOURLY_LOOKBACK = Duration.ofHours(3);
    private static final Duration DAILY_LOOKBACK = Duration.ofDays(3);
    /** How long before the watermark an event may have been received and yet committed after it. */
    private static final Duration COMMIT_MARGIN = Duration.ofMinutes(5);
    private static final String DAILY_ANALYTICS = """
            insert into measurement.daily_analytics (tenant_id, id, date_recorded, entity_type, entity_id, metric_name,
                metric_value, created_at)
            select tenant_id, gen_random_uuid(), (bucket at time zone :zone)::date, 'tenant', tenant_id, metric, value, :now
            from measurement.tracker_daily_totals
            cross join lateral (values ('events', events::numeric), ('sessions', sessions::numeric),
                                       ('users', users::numeric), ('event_value_sum', value_sum)) m(metric, value)
            where bucket >= :from and bucket < :to and not is_bot""";

    private static final String PER_BUCKET_KEYS = "tenant_id, bucket, " + TrackerFacts.DIMENSIONS;
    private static final String TOTALS_KEYS = "tenant_id, bucket, is_bot";
    private static final String DIMENSION_KEYS = "tenant_id, bucket, dimension, value, is_bot";
    private static final String DIMENSION_ORDER = "tenant_id, dimension, bucket, value, is_bot";
    private static final List<RollupWindow.Shape> HOURLY = List.of(
            shape("tracker_hourly", PER_BUCKET_KEYS, TrackerFacts::perBucket, PER_BUCKET_KEYS),
            shape("tracker_hourly_totals", TOTALS_KEYS, TrackerFacts::totals, TOTALS_KEYS),
            shape("tracker_hourly_by_dimension", DIMENSION_KEYS, TrackerFacts::byDimension, DIMENSION_ORDER));
    private static final List<RollupWindow.Shape> DAILY = List.of(
            shape("tracker_daily_totals", TOTALS_KEYS, TrackerFacts::totals, TOTALS_KEYS),
            shape("tracker_daily_by_dimension", DIMENSION_KEYS, TrackerFacts::byDimension, DIMENSION_ORDER));

    private final JdbcClient jdbc;
    private final RollupWindow window;
    private final AllTenants allTenants;
    private final TenantZones zones;
    private final Duration lateWindow;
    private final Clock clock;

    TrackerRollups(JdbcClient jdbc, RollupWindow window, AllTenants allTenants, TenantZones zones,
            @Value("${reach.measurement.late-window:7d}") Duration lateWindow, Clock clock) {
        this.jdbc = jdbc;
        this.window = window;
        this.allTenants = allTenants;
        this.zones = zones;
        this.lateWindow = lateWindow;
        this.clock = clock;
    }

    /** How far the current tenant's rollups are done, and the zone the daily one cuts days in. */
    record Progress(Instant hourlyDone, Instant dailyFrom, Instant dailyDone, ZoneId dailyZone) {
    }

    /**
     * Replaces the current tenant's hourly rollup rows of {@code [from, to)} (whole hours; the last may be in part) in all
     * three shapes, a day at a time; returns the rows written.
     */
    int refreshHourly(Instant from, Instant to) {
        int rows = 0;
        for (Instant start = from; start.isBefore(to); start = start.plus(1, ChronoUnit.DAYS)) {
            Instant end = Collections.min(List.of(start.plus(1, ChronoUnit.DAYS), to));
            rows += window.replace(TrackerFacts.HOUR, start, end, ZoneOffset.UTC, HOURLY);
        }
        return rows;
    }

    /**
     * Replaces the current tenant's daily rollup rows and daily_analytics of the days
     * {@code [from, to)} in {@code zone}, a day at a time; returns the rows written.
     */
    int refreshDaily(LocalDate from, LocalDate to, ZoneId zone) {
        int rows = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            rows += window.replace(TrackerFacts.DAY, day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(), zone, DAILY);
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        jdbc.sql("delete from measurement.daily_analytics where entity_type = 'tenant' and date_recorded >= :from"
                + " and date_recorded < :to").param("from", from).param("to", to).update();
        return rows + jdbc.sql(DAILY_ANALYTICS).param("from", utc(start)).param("to", utc(end))
                .param("zone", zone.getId()).param("now", utc(clock.instant())).update();
    }

    /**
     * Brings every tenant's rollups up to date: the hourly one to this moment (when an hour has
     * passed, the hours since the watermark with a 3-hour lookback; otherwise the hours of the
     * last three that received events since the last run), the daily one once a day up to the last complete
     * day (with a 3-day lookback). When a tenant's zone changed, its daily rollup starts over in
     * the new zone from the late window on.
     */
    int runDue() {
        Instant now = clock.instant();
        int rows = allTenants.sumOverTenantsAndPlatform(tenant -> hourlyDue(now) + dailyDue(now));
        log.debug("Tracker rollups: {} rows written up to {}", rows, now);
        return rows;
    }

    private int hourlyDue(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Optional<Watermark> done = watermark("hourly");
        Instant from;
        if (done.isEmpty()) {
            from = hour.minus(lateWindow);
        } else if (done.get().done().isBefore(hour)) {
            from = done.get().done().truncatedTo(ChronoUnit.HOURS).minus(HOURLY_LOOKBACK);
        } else {
            Optional<Instant> earliest = earliestArrivedSince(hour.minus(HOURLY_LOOKBACK),
                    done.get().done().minus(COMMIT_MARGIN));
            if (earliest.isEmpty()) {
                return 0;
            }
            from = earliest.get().truncatedTo(ChronoUnit.HOURS);
        }
        int written = refreshHourly(from, now);
        advance("hourly", now, ZoneOffset.UTC, null);
        return written;
    }

    /** The earliest time of the events from {@code lookback} on received after {@code since}, if any. */
    private Optional<Instant> earliestArrivedSince(Instant lookback, Instant since) {
        return jdbc.sql("select created_at from measurement.trackers where created_at >= :lookback"
                + " and received_at > :since order by created_at limit 1").param("lookback", utc(lookback)).param("since", utc(since))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    private int dailyDue(Instant now) {
        ZoneId zone = zones.configured();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Optional<Watermark> daily = watermark("daily").filter(done -> done.zone().equals(zone));
        if (daily.isPresent() && !daily.get().done().isBefore(today.atStartOfDay(zone).toInstant())) {
            return 0;
        }
        LocalDate dailyFrom = daily.map(done -> LocalDate.ofInstant(done.done().minus(DAILY_LOOKBACK), zone))
                .orElse(today.minusDays(lateWindow.toDays()));
        if (daily.isEmpty()) {
            jdbc.sql("delete from measurement.tracker_daily_totals").update();
            jdbc.sql("delete from measurement.tracker_daily_by_dimension").update();
        }
        int written = refreshDaily(dailyFrom, today, zone);
        advance("daily", today.atStartOfDay(zone).toInstant(), zone,
                daily.map(Watermark::coversFrom).orElse(dailyFrom.atStartOfDay(zone).toInstant()));
        log.info("Daily tracker rollup of tenant {}: {} to {} in {}, {} rows", TenantContext.require().value(),
                dailyFrom, today, zone, written);
        return written;
    }

    /** How far the current tenant's rollups are done (queries read hourly rows, then raw events, from there). */
    Progress progress() {
        Instant hourly = watermark("hourly").map(Watermark::done).orElse(Instant.EPOCH);
        return watermark("daily").map(daily -> new Progress(hourly, daily.coversFrom(), daily.done(), daily.zone()))
                .orElse(new Progress(hourly, Instant.EPOCH, Instant.EPOCH, ZoneOffset.UTC));
    }

    /**
     * Recomputes the current tenant's rollups of one day: the UTC day for the hourly rollup, the
     * day in the daily rollup's zone for the daily one; returns the rows written. A rebuild
     * ({@link RollupRebuilds}) calls it day by day, one transaction each.
     */
    int rebuildDay(LocalDate day) {
        ZoneId zone = watermark("daily").map(Watermark::zone).orElseGet(zones::configured);
        return refreshHourly(start(day), start(day.plusDays(1))) + refreshDaily(day, day.plusDays(1), zone);
    }

    /** After the days {@code [from, to)} were rebuilt, the daily rollup covers them (when they touch what it covers). */
    void coverRebuilt(LocalDate from, LocalDate to) {
        jdbc.sql("""
                update measurement.rollup_watermarks
                set covers_from = least(covers_from, (cast(:from as date)::timestamp at time zone time_zone))
                where rollup = 'daily' and covers_from <= (cast(:to as date)::timestamp at time zone time_zone)""")
                .param("from", from).param("to", to).update();
    }

    private record Watermark(Instant done, ZoneId zone, Instant coversFrom) {
    }

    private Optional<Watermark> watermark(String rollup) {
        return jdbc.sql("select done_until, time_zone, covers_from from measurement.rollup_watermarks where rollup = :rollup")
                .param("rollup", rollup).query((rs, row) -> {
                    OffsetDateTime covers = rs.getObject("covers_from", OffsetDateTime.class);
                    return new Watermark(rs.getObject("done_until", OffsetDateTime.class).toInstant(),
                            ZoneId.of(rs.getString("time_zone")), covers == null ? Instant.EPOCH : covers.toInstant());
                }).optional();
    }

    private void advance(String rollup, Instant doneUntil, ZoneId zone, @Nullable Instant coversFrom) {
        jdbc.sql("""
                insert into measurement.rollup_watermarks (tenant_id, rollup, done_until, updated_at, time_zone, covers_from)
                values (:tenant, :rollup, :done, :now, :zone, :covers)
                on conflict (tenant_id, rollup) do update set done_until = excluded.done_until,
                    updated_at = excluded.updated_at, time_zone = excluded.time_zone, covers_from = excluded.covers_from""")
                .param("tenant", TenantContext.require().value()).param("rollup", rollup).param("done", utc(doneUntil))
                .param("now", utc(clock.instant())).param("zone", zone.getId()).param("covers", utc(coversFrom)).update();
    }

    private static RollupWindow.Shape shape(String table, String keys,
            BiFunction<String, TrackerFacts.Counting, String> counted, String primaryKey) {
        return new RollupWindow.Shape(table, keys, source -> counted.apply(source, TrackerFacts.Counting.HASHED),
                primaryKey);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> trackerRollupTask(TrackerRollups rollups,
                @Value("${reach.measurement.rollup-interval:1m}") Duration interval) {
            return Tasks.recurring("tracker-rollups", FixedDelay.of(interval)).execute((instance, context) -> rollups.runDue());
        }
    }
}

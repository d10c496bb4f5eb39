package io.reach.measurement.rollup;

import static io.reach.platform.time.UtcTimes.utc;
import static io.reach.platform.time.UtcTimes.utcOrNull;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes the rollups incrementally from a dirty-period queue: writers mark the UTC hours of the
 * events they store ({@code measurement.rollup_dirty}, in the same statement), and each run (every
 * minute) recounts exactly those hours, and the local days they touch in each site's zone, so an
 * event is counted at the next run whatever its age inside the late window (a lookback guess
 * missed the ones older than it). The daily rollup also advances to the last complete day once a
 * day has passed. A window is replaced whole (delete and insert in one transaction), so re-running
 * it gives the same rows. A rebuild recomputes any range day by day ({@link RollupRebuilds}, in the
 * background).
 */
@Component
public class TrackerRollups {

    private static final Logger log = LoggerFactory.getLogger(TrackerRollups.class);
    private static final String DAILY_ANALYTICS = """
            insert into measurement.daily_analytics (tenant_id, id, date_recorded, entity_type, entity_id, metric_name,
                metric_value, created_at)
            select tenant_id, gen_random_uuid(), (bucket at time zone :zone)::date, 'site', site_id, metric, value, :now
            from measurement.tracker_daily_totals
            cross join lateral (values ('events', events::numeric), ('sessions', sessions::numeric),
                                       ('users', users::numeric), ('event_value_sum', value_sum)) m(metric, value)
            where bucket >= :from and bucket < :to and site_id = :site and not is_bot""";

    private static final String PER_BUCKET_KEYS = "tenant_id, site_id, bucket, " + TrackerFacts.DIMENSIONS;
    private static final String TOTALS_KEYS = "tenant_id, site_id, bucket, is_bot";
    private static final String DIMENSION_KEYS = "tenant_id, site_id, bucket, dimension, value, is_bot";
    private static final String DIMENSION_ORDER = "tenant_id, site_id, dimension, bucket, value, is_bot";
    private static final List<RollupWindow.Shape> HOURLY = List.of(
            shape("tracker_hourly", PER_BUCKET_KEYS, TrackerFacts::perBucket, PER_BUCKET_KEYS),
            shape("tracker_hourly_totals", TOTALS_KEYS, TrackerFacts::totals, TOTALS_KEYS),
            shape("tracker_hourly_by_dimension", DIMENSION_KEYS, TrackerFacts::byDimension, DIMENSION_ORDER));
    private static final List<RollupWindow.Shape> DAILY = List.of(
            shape("tracker_daily_totals", TOTALS_KEYS, TrackerFacts::totals, TOTALS_KEYS),
            shape("tracker_daily_by_dimension", DIMENSION_KEYS, TrackerFacts::byDimension, DIMENSION_ORDER));

    private final JdbcClient jdbc;
    private final RollupWindow window;
    private final SessionRollup sessions;
    private final AllTenants allTenants;
    private final RollupSites sites;
    private final Duration lateWindow;
    private final Clock clock;

    TrackerRollups(
            JdbcClient jdbc,
            RollupWindow window,
            SessionRollup sessions,
            AllTenants allTenants,
            RollupSites sites,
            @Value("${reach.measurement.late-window:7d}") Duration lateWindow,
            Clock clock) {
        this.jdbc = jdbc;
        this.window = window;
        this.sessions = sessions;
        this.allTenants = allTenants;
        this.sites = sites;
        this.lateWindow = lateWindow;
        this.clock = clock;
    }

    /** How far a site's rollups are done, and the zone its daily one cuts days in. */
    public record Progress(Instant hourlyDone, Instant dailyFrom, Instant dailyDone, ZoneId dailyZone) {}

    /**
     * Replaces the current tenant's hourly rollup rows of {@code [from, to)} (whole hours; the last may be in part) in all
     * three shapes, for all its sites at once (hours are UTC for every site), a day at a time, and the visits started in
     * them ({@link SessionRollup}); returns the rows written.
     */
    int refreshHourly(Instant from, Instant to) {
        int rows = sessions.refresh(from, to);
        for (Instant start = from; start.isBefore(to); start = start.plus(1, ChronoUnit.DAYS)) {
            Instant end = Collections.min(List.of(start.plus(1, ChronoUnit.DAYS), to));
            rows += window.replace(TrackerFacts.HOUR, start, end, ZoneOffset.UTC, HOURLY, null);
        }
        return rows;
    }

    /**
     * Replaces one site's daily rollup rows and daily_analytics of the days {@code [from, to)} in {@code zone} (the
     * site's), a day at a time; returns the rows written.
     */
    int refreshDaily(LocalDate from, LocalDate to, ZoneId zone, UUID site) {
        int rows = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            rows += window.replace(
                    TrackerFacts.DAY,
                    day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(),
                    zone,
                    DAILY,
                    site);
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        jdbc.sql("delete from measurement.daily_analytics where entity_type = 'site' and entity_id = :site"
                        + " and date_recorded >= :from and date_recorded < :to")
                .param("site", site)
                .param("from", from)
                .param("to", to)
                .update();
        return rows
                + jdbc.sql(DAILY_ANALYTICS)
                        .param("from", utcOrNull(start))
                        .param("to", utcOrNull(end))
                        .param("site", site)
                        .param("zone", zone.getId())
                        .param("now", utc(clock.instant()))
                        .update();
    }

    /**
     * Brings every tenant's rollups up to date: recounts exactly the UTC hours the writers marked
     * ({@code measurement.rollup_dirty}, written in the transaction that stored the events), and
     * the local days those hours touch in each site's zone, whatever their age; once a day has
     * passed, each site's daily rollup also counts the days up to the last complete one. So an
     * accepted event is in every rollup covering its time at the next run. A tenant's (a site's)
     * first run counts the whole late window; when a site's zone changed, its daily rollup starts
     * over in the new zone from the late window on. A tenant without a site has measured nothing.
     */
    public int runDue() {
        Instant now = clock.instant();
        int rows = allTenants.sumOverTenantsAndPlatform(tenant -> {
            Optional<RollupSites.MeasuredSite> main = sites.findDefault();
            if (main.isEmpty()) {
                return 0;
            }
            List<Dirty> dirty = dirtyHours();
            int written = hourlyDue(now, dirty, main.get().id());
            for (RollupSites.MeasuredSite site : sites.all()) {
                written += dailyDue(
                        now,
                        dirty.stream()
                                .filter(hour -> hour.site().equals(site.id()))
                                .toList(),
                        site);
            }
            consume(dirty);
            return written;
        });
        log.debug("Tracker rollups: {} rows written up to {}", rows, now);
        return rows;
    }

    /** An hour of a site marked by writers, with how many batches marked it (removed only if unchanged once counted). */
    private record Dirty(UUID site, Instant hour, long changes) {}

    private List<Dirty> dirtyHours() {
        return jdbc.sql("select site_id, hour, changes from measurement.rollup_dirty order by hour")
                .query((rs, row) -> new Dirty(
                        rs.getObject("site_id", UUID.class),
                        rs.getObject("hour", OffsetDateTime.class).toInstant(),
                        rs.getLong("changes")))
                .list();
    }

    /** Removes the hours counted, unless a batch marked one again meanwhile (its row lock makes this wait for its commit). */
    private void consume(List<Dirty> dirty) {
        for (Dirty hour : dirty) {
            jdbc.sql(
                            "delete from measurement.rollup_dirty where site_id = :site and hour = :hour and changes = :changes")
                    .param("site", hour.site())
                    .param("hour", utcOrNull(hour.hour()))
                    .param("changes", hour.changes())
                    .update();
        }
    }

    /** The hourly rollup of all the tenant's sites; its watermark is kept on the default site's row. */
    private int hourlyDue(Instant now, List<Dirty> dirty, UUID main) {
        Optional<Watermark> done = hourlyWatermark();
        int written;
        if (done.isEmpty()) {
            written = refreshHourly(now.truncatedTo(ChronoUnit.HOURS).minus(lateWindow), now);
        } else if (dirty.isEmpty() && !done.get().done().isBefore(now.truncatedTo(ChronoUnit.HOURS))) {
            return 0; // nothing stored since: the rollup is current (an idle tenant's watermark moves once an hour)
        } else {
            written = 0;
            List<Instant> hours =
                    dirty.stream().map(Dirty::hour).distinct().sorted().toList();
            for (Instant[] run : runs(hours, Duration.ofHours(1))) {
                written += refreshHourly(run[0], run[1]);
            }
        }
        advance(RollupGrain.HOURLY, main, now, ZoneOffset.UTC, null);
        return written;
    }

    private int dailyDue(Instant now, List<Dirty> dirty, RollupSites.MeasuredSite site) {
        ZoneId zone = sites.zoneOf(site);
        LocalDate today = LocalDate.ofInstant(now, zone);
        Optional<Watermark> daily = watermark(RollupGrain.DAILY, site.id())
                .filter(done -> done.zone().equals(zone));
        LocalDate coveredFrom = daily.map(done -> LocalDate.ofInstant(done.coversFrom(), zone))
                .orElse(today.minusDays(lateWindow.toDays()));
        LocalDate doneUntil =
                daily.map(done -> LocalDate.ofInstant(done.done(), zone)).orElse(coveredFrom);
        TreeSet<LocalDate> days = new TreeSet<>(doneUntil
                .datesUntil(today.isAfter(doneUntil) ? today : doneUntil)
                .toList());
        for (Dirty hour : dirty) {
            // an hour touches one local day, or two in a zone whose offset is not whole hours
            days.add(LocalDate.ofInstant(hour.hour(), zone));
            days.add(LocalDate.ofInstant(hour.hour().plus(1, ChronoUnit.HOURS).minusNanos(1), zone));
        }
        days.removeIf(day -> !day.isBefore(today) || day.isBefore(coveredFrom));
        if (days.isEmpty() && daily.isPresent()) {
            return 0;
        }
        if (daily.isEmpty()) {
            jdbc.sql("delete from measurement.tracker_daily_totals where site_id = :site")
                    .param("site", site.id())
                    .update();
            jdbc.sql("delete from measurement.tracker_daily_by_dimension where site_id = :site")
                    .param("site", site.id())
                    .update();
        }
        int written = 0;
        List<Instant> starts = days.stream()
                .map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant())
                .toList();
        for (Instant[] run : runs(starts, Duration.ofDays(1))) {
            written += refreshDaily(
                    LocalDate.ofInstant(run[0], ZoneOffset.UTC),
                    LocalDate.ofInstant(run[1], ZoneOffset.UTC),
                    zone,
                    site.id());
        }
        advance(
                RollupGrain.DAILY,
                site.id(),
                today.atStartOfDay(zone).toInstant(),
                zone,
                daily.map(Watermark::coversFrom)
                        .orElse(coveredFrom.atStartOfDay(zone).toInstant()));
        log.debug(
                "Daily tracker rollup of tenant {}, site {}: days {} in {}, {} rows",
                TenantContext.require().value(),
                site.id(),
                days,
                zone,
                written);
        return written;
    }

    /** Sorted period starts grouped into runs {@code [first, last + step)} of consecutive periods. */
    private static List<Instant[]> runs(List<Instant> starts, Duration step) {
        List<Instant[]> runs = new ArrayList<>();
        for (Instant start : starts) {
            if (!runs.isEmpty() && !start.isAfter(runs.getLast()[1])) {
                runs.getLast()[1] = Collections.max(List.of(runs.getLast()[1], start.plus(step)));
            } else {
                runs.add(new Instant[] {start, start.plus(step)});
            }
        }
        return runs;
    }

    /** How far a site's rollups are done (queries read hourly rows, then raw events, from there). */
    public Progress progress(UUID site) {
        Instant hourly = hourlyWatermark().map(Watermark::done).orElse(Instant.EPOCH);
        return watermark(RollupGrain.DAILY, site)
                .map(daily -> new Progress(hourly, daily.coversFrom(), daily.done(), daily.zone()))
                .orElse(new Progress(hourly, Instant.EPOCH, Instant.EPOCH, ZoneOffset.UTC));
    }

    /**
     * Recomputes the current tenant's rollups of one day: the UTC day for the hourly rollup, the
     * day in each site's daily rollup zone for the daily one; returns the rows written. A rebuild
     * ({@link RollupRebuilds}) calls it day by day, one transaction each.
     */
    int rebuildDay(LocalDate day) {
        int rows = refreshHourly(start(day), start(day.plusDays(1)));
        for (RollupSites.MeasuredSite site : sites.all()) {
            ZoneId zone =
                    watermark(RollupGrain.DAILY, site.id()).map(Watermark::zone).orElseGet(() -> sites.zoneOf(site));
            rows += refreshDaily(day, day.plusDays(1), zone, site.id());
        }
        return rows;
    }

    /** After the days {@code [from, to)} were rebuilt, the daily rollup covers them (when they touch what it covers). */
    void coverRebuilt(LocalDate from, LocalDate to) {
        jdbc.sql("""
                update measurement.rollup_watermarks
                set covers_from = least(covers_from, (cast(:from as date)::timestamp at time zone time_zone))
                where rollup = 'daily' and covers_from <= (cast(:to as date)::timestamp at time zone time_zone)""").param("from", from).param("to", to).update();
    }

    private record Watermark(Instant done, ZoneId zone, Instant coversFrom) {}

    private Optional<Watermark> hourlyWatermark() {
        return watermarks(
                "select done_until, time_zone, covers_from from measurement.rollup_watermarks"
                        + " where rollup = 'hourly' order by done_until desc limit 1",
                null);
    }

    private Optional<Watermark> watermark(RollupGrain rollup, UUID site) {
        return watermarks(
                "select done_until, time_zone, covers_from from measurement.rollup_watermarks" + " where rollup = '"
                        + rollup.code() + "' and site_id = :site",
                site);
    }

    private Optional<Watermark> watermarks(String sql, @Nullable UUID site) {
        var query = jdbc.sql(sql);
        return (site == null ? query : query.param("site", site))
                .query((rs, row) -> {
                    OffsetDateTime covers = rs.getObject("covers_from", OffsetDateTime.class);
                    return new Watermark(
                            rs.getObject("done_until", OffsetDateTime.class).toInstant(),
                            ZoneId.of(rs.getString("time_zone")),
                            covers == null ? Instant.EPOCH : covers.toInstant());
                })
                .optional();
    }

    private void advance(RollupGrain rollup, UUID site, Instant doneUntil, ZoneId zone, @Nullable Instant coversFrom) {
        jdbc.sql("""
                insert into measurement.rollup_watermarks (tenant_id, site_id, rollup, done_until, updated_at, time_zone,
                    covers_from)
                values (:tenant, :site, :rollup, :done, :now, :zone, :covers)
                on conflict (tenant_id, site_id, rollup) do update set done_until = excluded.done_until,
                    updated_at = excluded.updated_at, time_zone = excluded.time_zone, covers_from = excluded.covers_from""")
                .param("tenant", TenantContext.require().value())
                .param("site", site)
                .param("rollup", rollup.code())
                .param("done", utcOrNull(doneUntil))
                .param("now", utc(clock.instant()))
                .param("zone", zone.getId())
                .param("covers", utcOrNull(coversFrom))
                .update();
    }

    private static RollupWindow.Shape shape(
            String table, String keys, BiFunction<String, TrackerFacts.Counting, String> counted, String primaryKey) {
        return new RollupWindow.Shape(
                table, keys, source -> counted.apply(source, TrackerFacts.Counting.HASHED), primaryKey);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> trackerRollupTask(
                TrackerRollups rollups, @Value("${reach.measurement.rollup-interval:1m}") Duration interval) {
            return Tasks.recurring("tracker-rollups", FixedDelay.of(interval))
                    .execute((instance, context) -> rollups.runDue());
        }
    }
}

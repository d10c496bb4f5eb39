package io.reach.measurement;

import static io.reach.platform.time.UtcTimes.utcOrNull;

import io.reach.measurement.rollup.TrackerFacts;
import io.reach.measurement.rollup.TrackerRollups;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Dashboard answers for one site of the current tenant, read from the hourly rollup and, for the hours it
 * has not reached yet, from raw events in the same shape ({@link TrackerFacts}). Periods are
 * cut in the asked time zone. Robots are left out unless asked for. Sessions and users are
 * distinct within each answered period: they are read from a rollup only where the period is one
 * of its buckets, and otherwise counted from raw events (never added across hours or days).
 */
@Repository
class AnalyticsQueries {

    static final Map<String, String> METRICS = Map.of(
            "events",
            "sum(events)",
            "sessions",
            "sum(sessions)",
            "users",
            "sum(users)",
            "value_sum",
            "sum(value_sum)",
            "value_avg",
            "case when sum(value_count) = 0 then null else sum(value_sum) / sum(value_count) end");
    static final Set<String> INTERVALS = Set.of("hour", "day", "week", "month");
    static final Set<String> DIMENSIONS = Set.copyOf(TrackerFacts.DIMENSION_NAMES);

    private final JdbcClient jdbc;

    AnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to count: one site's events of a time range, optional equality filters on dimensions, and whether robots count. */
    record Scope(Instant from, Instant to, Map<String, String> filters, boolean bots, UUID site) {

        /** The site and robot conditions every read has (rollup rows, live facts and raw events all carry both). */
        String siteAndBots() {
            return " and site_id = :site" + (bots ? "" : " and not is_bot");
        }
    }

    /** A period's value: a count (0 when nothing happened), or for value_avg null when no event had a value. */
    record Point(OffsetDateTime period, @Nullable BigDecimal value) {}

    /**
     * A metric per period, every period of the scope included (see {@link SeriesPeriods}), oldest
     * first. Periods of a day or longer, in the daily rollup's zone, read its whole days (so
     * sessions and users are distinct per day); the rest is read by the hour.
     */
    List<Point> timeseries(String metric, String interval, ZoneId zone, Scope scope, TrackerRollups.Progress progress) {
        List<Instant> periods = SeriesPeriods.of(interval, zone, scope.from(), scope.to());
        BigDecimal empty = "value_avg".equals(metric) ? null : BigDecimal.ZERO;
        return SeriesPeriods.filled(periods, counted(metric, interval, zone, scope, progress), empty, zone);
    }

    private List<Point> counted(
            String metric, String interval, ZoneId zone, Scope scope, TrackerRollups.Progress progress) {
        boolean distinct = "sessions".equals(metric) || "users".equals(metric);
        if (distinct && !("hour".equals(interval) && scope.filters().size() <= 1)) {
            return distinctSeries(metric, interval, zone, scope, progress);
        }
        Days days = "hour".equals(interval) || !zone.equals(progress.dailyZone())
                ? Days.none(scope)
                : Days.whole(scope, progress);
        Source source = Source.of(scope, null, days);
        String sql = "select date_trunc('" + interval + "', bucket, :zone) as period, " + METRICS.get(metric)
                + " as value from (" + source.sql() + ") f group by 1 order by 1";
        return source.bind(jdbc.sql(sql), scope, progress)
                .param("zone", zone.getId())
                .query((rs, row) -> new Point(
                        rs.getObject("period", OffsetDateTime.class)
                                .toInstant()
                                .atZone(zone)
                                .toOffsetDateTime(),
                        rs.getBigDecimal("value")))
                .list();
    }

    /**
     * Sessions or users per period, never added across periods: a period that is one whole day of
     * the daily rollup (day periods in its zone, at most one filter) is read from it, distinct within
     * that day; every other period (today so far, a partial day, a day in another zone, a week, a
     * month, two or more filters) is counted exactly from raw events, distinct over the period.
     */
    private List<Point> distinctSeries(
            String metric, String interval, ZoneId zone, Scope scope, TrackerRollups.Progress progress) {
        boolean dailyRows = "day".equals(interval)
                && zone.equals(progress.dailyZone())
                && scope.filters().size() <= 1;
        Days days = dailyRows ? Days.whole(scope, progress) : Days.none(scope);
        String column = "sessions".equals(metric) ? "session_id" : "user_id";
        String bots = scope.siteAndBots();
        StringBuilder rolled = new StringBuilder();
        var filter = scope.filters().entrySet().stream().findFirst();
        if (days.any()) {
            rolled.append("select date_trunc(:interval, bucket, :zone) as period, ")
                    .append(metric)
                    .append(" as value from ")
                    .append(
                            filter.isEmpty()
                                    ? "measurement.tracker_daily_totals where true"
                                    : "measurement.tracker_daily_by_dimension where dimension = :dimension and value = :value")
                    .append(bots)
                    .append(" and bucket >= :days_from and bucket < :days_to union all ");
        }
        String sql =
                "select period, sum(value) as value from (" + rolled + "select date_trunc(:interval, created_at, :zone)"
                        + " as period, count(distinct " + column + ") as value from measurement.trackers"
                        + " where created_at >= :from and created_at < :to and (created_at < :days_from or created_at >= :days_to)"
                        + bots + rawFilters(scope) + " group by 1) f group by 1 order by 1";
        var spec = bindFilters(jdbc.sql(sql), scope)
                .param("site", scope.site())
                .param("interval", interval)
                .param("zone", zone.getId())
                .param("from", utcOrNull(scope.from()))
                .param("to", utcOrNull(scope.to()))
                .param("days_from", utcOrNull(days.from()))
                .param("days_to", utcOrNull(days.to()));
        if (days.any() && filter.isPresent()) {
            spec = spec.param("dimension", filter.get().getKey())
                    .param("value", filter.get().getValue());
        }
        return spec.query((rs, row) -> new Point(
                        rs.getObject("period", OffsetDateTime.class)
                                .toInstant()
                                .atZone(zone)
                                .toOffsetDateTime(),
                        rs.getBigDecimal("value")))
                .list();
    }

    /** The scope's filters as conditions on raw event columns (missing values as ''), bound by {@link #bindFilters}. */
    static String rawFilters(Scope scope) {
        StringBuilder where = new StringBuilder();
        scope.filters()
                .keySet()
                .forEach(d -> where.append(" and coalesce(")
                        .append(d)
                        .append(", '') = :f_")
                        .append(d));
        return where.toString();
    }

    static JdbcClient.StatementSpec bindFilters(JdbcClient.StatementSpec spec, Scope scope) {
        JdbcClient.StatementSpec bound = spec;
        for (var filter : scope.filters().entrySet()) {
            bound = bound.param("f_" + filter.getKey(), filter.getValue());
        }
        return bound;
    }

    record Ranked(String value, long events, long sessions) {}

    /** As {@code query(Ranked.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Ranked> RANKED_ROW = new SimplePropertyRowMapper<>(Ranked.class);

    /** The values of a dimension with the most events, with their sessions counted exactly (see {@link #withDistinctSessions}). */
    List<Ranked> top(String dimension, int limit, Scope scope, TrackerRollups.Progress progress) {
        List<Ranked> ranked = ranked(dimension, limit, scope, progress);
        return ranked.isEmpty() ? ranked : withDistinctSessions(dimension, ranked, scope);
    }

    /**
     * The values of a dimension with the most events, read from the rollups only (the daily rollup's
     * whole days and hourly rows around them): their {@code sessions} are added across buckets, so
     * they are not distinct sessions and only {@code events} is an answer.
     */
    List<Ranked> ranked(String dimension, int limit, Scope scope, TrackerRollups.Progress progress) {
        Source source = Source.of(scope, dimension, Days.whole(scope, progress));
        String sql = "select value, sum(events) as events, sum(sessions) as sessions from (" + source.sql()
                + ") f where value <> '' group by 1 order by 2 desc, 1 limit :limit";
        return source.bind(jdbc.sql(sql), scope, progress)
                .param("limit", limit)
                .query(RANKED_ROW)
                .list();
    }

    /**
     * The listed values' sessions counted exactly over the whole period from raw events (distinct
     * sessions are never added across days or hours), for the values ranked from the rollups only.
     */
    private List<Ranked> withDistinctSessions(String dimension, List<Ranked> ranked, Scope scope) {
        if (!DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException("Unknown dimension " + dimension);
        }
        String value = "coalesce(" + dimension + ", '')";
        Map<String, Long> sessions = new java.util.HashMap<>();
        bindFilters(
                        jdbc.sql("select " + value
                                + " as value, count(distinct session_id) as sessions from measurement.trackers"
                                + " where created_at >= :from and created_at < :to and site_id = :site and (:bots or not is_bot)"
                                + rawFilters(scope) + " and "
                                + value + " in (:values) group by 1"),
                        scope)
                .param("from", utcOrNull(scope.from()))
                .param("to", utcOrNull(scope.to()))
                .param("bots", scope.bots())
                .param("site", scope.site())
                .param("values", ranked.stream().map(Ranked::value).toList())
                .query((rs, row) -> sessions.put(rs.getString("value"), rs.getLong("sessions")))
                .list();
        return ranked.stream()
                .map(r -> new Ranked(r.value(), r.events(), sessions.getOrDefault(r.value(), 0L)))
                .toList();
    }

    /** Sessions started in the scope's range: how many, their average length and the share with one event. */
    record SessionSummary(long sessions, double averageDurationSeconds, double bounceRate) {}

    SessionSummary sessions(Scope scope) {
        return jdbc.sql("""
                select count(*) as sessions,
                       coalesce(avg(extract(epoch from ended_at - started_at)), 0)::float8 as average_duration_seconds,
                       coalesce(avg(case when events = 1 then 1.0 else 0.0 end), 0)::float8 as bounce_rate
                from measurement.sessions
                where started_at >= :from and started_at < :to and site_id = :site and (:bots or not is_bot)""")
                .param("from", utcOrNull(scope.from()))
                .param("to", utcOrNull(scope.to()))
                .param("bots", scope.bots())
                .param("site", scope.site())
                .query(SessionSummary.class)
                .single();
    }

    /**
     * The whole days {@code [from, to)} of a scope the daily rollup holds (in its zone), or none
     * (from = to) when it holds none or its days do not start on a whole UTC hour.
     */
    record Days(Instant from, Instant to) {

        static Days none(Scope scope) {
            return new Days(scope.from(), scope.from());
        }

        static Days whole(Scope scope, TrackerRollups.Progress progress) {
            ZoneId zone = progress.dailyZone();
            LocalDate firstDay = LocalDate.ofInstant(scope.from(), zone);
            Instant first = firstDay.atStartOfDay(zone).toInstant();
            if (first.isBefore(scope.from())) {
                first = firstDay.plusDays(1).atStartOfDay(zone).toInstant();
            }
            first = first.isBefore(progress.dailyFrom()) ? progress.dailyFrom() : first;
            Instant end = Collections.min(List.of(scope.to(), progress.dailyDone(), progress.hourlyDone()));
            Instant last = LocalDate.ofInstant(end, zone).atStartOfDay(zone).toInstant();
            boolean hourAligned = first.getEpochSecond() % 3600 == 0 && last.getEpochSecond() % 3600 == 0;
            return first.isBefore(last) && hourAligned ? new Days(first, last) : none(scope);
        }

        boolean any() {
            return from.isBefore(to);
        }
    }

    /**
     * The narrowest rollups that answer a query, with its live part: totals when nothing is
     * filtered or grouped; one row per dimension value for one group-by or one filter (both read
     * the daily rollup for {@link Days} and the hourly one around them); the all-dimension hourly
     * rollup otherwise. Rows: bucket, value (the grouped dimension's, or ''), is_bot and the counts.
     */
    private record Source(
            String sql,
            @Nullable String dimension,
            @Nullable String value,
            Days days) {

        private static final String COUNTS = "is_bot, events, sessions, users, value_sum, value_count";
        private static final String LIVE_TOTALS =
                TrackerFacts.totals(TrackerFacts.LIVE, TrackerFacts.Counting.ONE_PASS);
        private static final String LIVE_PER_BUCKET =
                TrackerFacts.perBucket(TrackerFacts.LIVE, TrackerFacts.Counting.ONE_PASS);

        static Source of(Scope scope, @Nullable String groupBy, Days days) {
            String bots = scope.siteAndBots();
            if (scope.filters().isEmpty() && groupBy == null) {
                return new Source(
                        union("totals", LIVE_TOTALS, "bucket, '' as value, " + COUNTS, bots, days), null, null, days);
            }
            if (scope.filters().isEmpty() && groupBy != null) {
                return new Source(
                        union(
                                "by_dimension",
                                live(groupBy),
                                "bucket, value, " + COUNTS,
                                bots + " and dimension = :dimension",
                                days),
                        groupBy,
                        null,
                        days);
            }
            if (groupBy == null && scope.filters().size() == 1) {
                var filter = scope.filters().entrySet().iterator().next();
                return new Source(
                        union(
                                "by_dimension",
                                live(filter.getKey()),
                                "bucket, '' as value, " + COUNTS,
                                bots + " and dimension = :dimension and value = :value",
                                days),
                        filter.getKey(),
                        filter.getValue(),
                        days);
            }
            StringBuilder where = new StringBuilder(bots);
            scope.filters()
                    .keySet()
                    .forEach(d ->
                            where.append(" and ").append(d).append(" = :f_").append(d));
            Days none = Days.none(scope);
            return new Source(
                    hourlyAndLive(
                            "measurement.tracker_hourly",
                            LIVE_PER_BUCKET,
                            "bucket, " + (groupBy == null ? "''" : groupBy) + " as value, " + COUNTS,
                            where.toString()),
                    null,
                    null,
                    none);
        }

        private static String live(String dimension) {
            return TrackerFacts.ofDimension(TrackerFacts.LIVE, dimension, TrackerFacts.Counting.ONE_PASS);
        }

        private static String union(String shape, String live, String projection, String where, Days days) {
            String hourly = hourlyAndLive("measurement.tracker_hourly_" + shape, live, projection, where);
            return days.any()
                    ? "select " + projection + " from measurement.tracker_daily_" + shape
                            + " where bucket >= :days_from and bucket < :days_to" + where + " union all " + hourly
                    : hourly;
        }

        /**
         * The rolled hours of the scope before and after its {@link Days} (each its own range, so each is one index
         * range and the days between are never read) and the live part after them.
         */
        private static String hourlyAndLive(String table, String live, String projection, String where) {
            String hours = "select " + projection + " from " + table + " where ";
            return hours + "bucket >= :from and bucket < least(:days_from, :to, :rolled)" + where + " union all "
                    + hours + "bucket >= greatest(:days_to, :from) and bucket < least(:to, :rolled)" + where
                    + " union all select " + projection
                    + " from (" + live.replace(":from", "greatest(:from, :live_from)") + ") live where true" + where;
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scope scope, TrackerRollups.Progress progress) {
            JdbcClient.StatementSpec bound = spec.param("from", utcOrNull(scope.from()))
                    .param("to", utcOrNull(scope.to()))
                    .param("rolled", utcOrNull(progress.hourlyDone()))
                    .param("live_from", utcOrNull(wholeHourFrom(progress.hourlyDone())))
                    .param("days_from", utcOrNull(days.from()))
                    .param("days_to", utcOrNull(days.to()))
                    .param("site", scope.site());
            if (dimension != null) {
                bound = bound.param("dimension", dimension);
            }
            if (value != null) {
                bound = bound.param("value", value);
            }
            for (var filter : scope.filters().entrySet()) {
                bound = bound.param("f_" + filter.getKey(), filter.getValue());
            }
            return bound;
        }
    }

    /** The hour after the one the hourly rollup holds in part (it holds that hour up to {@code rolled}). */
    private static Instant wholeHourFrom(Instant rolled) {
        Instant hour = rolled.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(rolled) ? rolled : hour.plus(1, ChronoUnit.HOURS);
    }
}

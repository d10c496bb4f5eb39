package io.reach.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Dashboard answers for the current tenant, read from the hourly rollup and, for the hours it
 * has not reached yet, from raw events in the same shape ({@link TrackerFacts}). Periods are
 * cut in the asked time zone. Robots are left out unless asked for.
 */
@Repository
class AnalyticsQueries {

    static final Map<String, String> METRICS = Map.of("events", "sum(events)", "sessions", "sum(sessions)",
            "users", "sum(users)", "value_sum", "sum(value_sum)",
            "value_avg", "case when sum(value_count) = 0 then 0 else sum(value_sum) / sum(value_count) end");
    static final Set<String> INTERVALS = Set.of("hour", "day", "week", "month");
    static final Set<String> DIMENSIONS = Set.of("event_type", "page_url", "referrer_url", "device_type", "browser_name",
            "operating_system");

    private final JdbcClient jdbc;

    AnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to count: a time range, optional equality filters on dimensions, and whether robots count. */
    record Scope(Instant from, Instant to, Map<String, String> filters, boolean bots) {
    }

    record Point(Instant period, BigDecimal value) {
    }

    List<Point> timeseries(String metric, String interval, ZoneId zone, Scope scope, Instant rolledUpUntil) {
        Source source = Source.of(scope, null);
        String sql = "select date_trunc('" + interval + "', bucket, :zone) as period, " + METRICS.get(metric)
                + " as value from (" + source.sql() + ") f group by 1 order by 1";
        return source.bind(jdbc.sql(sql), scope, rolledUpUntil).param("zone", zone.getId())
                .query((rs, row) -> new Point(rs.getObject("period", OffsetDateTime.class).toInstant(),
                        rs.getBigDecimal("value"))).list();
    }

    record Ranked(String value, long events, long sessions) {
    }

    List<Ranked> top(String dimension, int limit, Scope scope, Instant rolledUpUntil) {
        Source source = Source.of(scope, dimension);
        String sql = "select value, sum(events) as events, sum(sessions) as sessions from (" + source.sql()
                + ") f where value <> '' group by 1 order by 2 desc, 1 limit :limit";
        return source.bind(jdbc.sql(sql), scope, rolledUpUntil).param("limit", limit).query(Ranked.class).list();
    }

    /** Sessions started in the scope's range: how many, their average length and the share with one event. */
    record SessionSummary(long sessions, double averageDurationSeconds, double bounceRate) {
    }

    SessionSummary sessions(Scope scope) {
        return jdbc.sql("""
                select count(*) as sessions,
                       coalesce(avg(extract(epoch from ended_at - started_at)), 0)::float8 as average_duration_seconds,
                       coalesce(avg(case when events = 1 then 1.0 else 0.0 end), 0)::float8 as bounce_rate
                from measurement.sessions
                where started_at >= :from and started_at < :to and (:bots or not is_bot)""")
                .param("from", utc(scope.from())).param("to", utc(scope.to())).param("bots", scope.bots())
                .query(SessionSummary.class).single();
    }

    /**
     * The narrowest rollup that answers a query, with its live part: hourly totals when nothing is
     * filtered or grouped; the per-dimension rollup for one group-by or one filter; the
     * all-dimension rollup otherwise. Rows: bucket, value (the grouped dimension's, or ''),
     * is_bot and the counts.
     */
    private record Source(String sql, @Nullable String dimension, @Nullable String value) {

        private static final String COUNTS = "is_bot, events, sessions, users, value_sum, value_count";

        static Source of(Scope scope, @Nullable String groupBy) {
            String bots = scope.bots() ? "" : " and not is_bot";
            if (scope.filters().isEmpty() && groupBy == null) {
                return new Source(union("tracker_hourly_totals", TrackerFacts.TOTALS_PER_HOUR, "bucket, '' as value, "
                        + COUNTS, bots), null, null);
            }
            if (scope.filters().isEmpty()) {
                return new Source(union("tracker_hourly_by_dimension", TrackerFacts.BY_DIMENSION_PER_HOUR,
                        "bucket, value, " + COUNTS, bots + " and dimension = :dimension"), groupBy, null);
            }
            if (groupBy == null && scope.filters().size() == 1) {
                var filter = scope.filters().entrySet().iterator().next();
                return new Source(union("tracker_hourly_by_dimension", TrackerFacts.BY_DIMENSION_PER_HOUR,
                        "bucket, '' as value, " + COUNTS, bots + " and dimension = :dimension and value = :value"),
                        filter.getKey(), filter.getValue());
            }
            StringBuilder where = new StringBuilder(bots);
            scope.filters().keySet().forEach(d -> where.append(" and ").append(d).append(" = :f_").append(d));
            return new Source(union("tracker_hourly", TrackerFacts.PER_HOUR, "bucket, "
                    + (groupBy == null ? "''" : groupBy) + " as value, " + COUNTS, where.toString()), null, null);
        }

        private static String union(String table, String live, String projection, String where) {
            return "select " + projection + " from measurement." + table
                    + " where bucket >= :from and bucket < least(:to, :rolled)" + where + " union all select " + projection
                    + " from (" + live.replace(":from", "greatest(:from, :rolled)") + ") live where true" + where;
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scope scope, Instant rolledUpUntil) {
            JdbcClient.StatementSpec bound = spec.param("from", utc(scope.from())).param("to", utc(scope.to()))
                    .param("rolled", utc(rolledUpUntil));
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

    private static OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

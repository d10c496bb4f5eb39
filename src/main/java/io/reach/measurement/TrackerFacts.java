package io.reach.measurement;

import java.util.List;

/**
 * The shapes the rollups hold and the live (not yet rolled up) part of a query reads, counted
 * from a source of {@link #events facts}: the tracker events of {@code [:from, :to)} with their
 * bucket — an hour ({@code date_trunc('hour', …, 'UTC')}) or a day in the zone {@code :zone} — and
 * every dimension's value (missing values as ''). A shape counts them per bucket by every
 * dimension together ({@link #perBucket}), in total ({@link #totals}) or per value of each
 * dimension ({@link #byDimension}). Live queries read the facts as a derived table ({@link #live});
 * the rollups load them once into a temporary table and read that for every shape.
 */
final class TrackerFacts {

    /** The dimensions dashboards group and filter by, with the column expression each is read from. */
    static final List<String> DIMENSION_NAMES = List.of("event_type", "page_url", "referrer_url", "device_type",
            "browser_name", "operating_system", "country");
    static final String DIMENSIONS = String.join(", ", DIMENSION_NAMES) + ", is_bot";
    static final String HOUR = "date_trunc('hour', created_at, 'UTC')";
    static final String DAY = "date_trunc('day', created_at, :zone)";

    private static final String COUNTS = """
            count(*) as events, count(distinct session_id) as sessions, count(distinct user_id) as users,
            coalesce(sum(event_value), 0) as value_sum, count(event_value) as value_count""";

    /** The current tenant's events of {@code [:from, :to)} with their bucket and dimension values. */
    static String events(String bucket) {
        return "select tenant_id, " + bucket + " as bucket, "
                + String.join(", ", DIMENSION_NAMES.stream().map(d -> value(d) + " as " + d).toList())
                + ", is_bot, session_id, user_id, event_value from measurement.trackers"
                + " where created_at >= :from and created_at < :to";
    }

    /** The {@link #events} as a derived table, for the live part of a query. */
    static String live(String bucket) {
        return "(" + events(bucket) + ") as facts";
    }

    /** Per bucket and every dimension value together. */
    static String perBucket(String source) {
        return "select tenant_id, bucket, " + DIMENSIONS + ", " + COUNTS + " from " + source
                + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10";
    }

    /** Totals per bucket. */
    static String totals(String source) {
        return "select tenant_id, bucket, is_bot, " + COUNTS + " from " + source + " group by 1, 2, 3";
    }

    /** One row per bucket, dimension and value, for every dimension (each counted in its own pass). */
    static String byDimension(String source) {
        return String.join(" union all ", DIMENSION_NAMES.stream().map(d -> ofDimension(source, d)).toList());
    }

    /** One row per bucket and value of one dimension. */
    static String ofDimension(String source, String dimension) {
        if (!DIMENSION_NAMES.contains(dimension)) {
            throw new IllegalArgumentException("Unknown dimension " + dimension);
        }
        return "select tenant_id, bucket, '" + dimension + "' as dimension, " + dimension + " as value, is_bot, "
                + COUNTS + " from " + source + " group by 1, 2, 3, 4, 5";
    }

    private static String value(String dimension) {
        return "event_type".equals(dimension) ? dimension : "coalesce(" + dimension + ", '')";
    }

    private TrackerFacts() {
    }
}

package io.reach.measurement;

import java.util.List;

/**
 * The shapes the rollups hold and the live (not yet rolled up) part of a query reads: the tracker
 * events of {@code [:from, :to)} counted per bucket — an hour ({@code date_trunc('hour', …, 'UTC')})
 * or a day in the zone {@code :zone} — by every dimension together ({@link #PER_HOUR}), in total
 * ({@link #totals}) or per value of each dimension ({@link #byDimension}); missing values as ''.
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
    private static final String WINDOW = "from measurement.trackers where created_at >= :from and created_at < :to";

    static final String PER_HOUR = "select tenant_id, " + HOUR + " as bucket, "
            + String.join(", ", DIMENSION_NAMES.stream().map(d -> value(d) + " as " + d).toList()) + ", is_bot, "
            + COUNTS + " " + WINDOW + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10";

    /** Totals per bucket. */
    static String totals(String bucket) {
        return "select tenant_id, " + bucket + " as bucket, is_bot, " + COUNTS + " " + WINDOW + " group by 1, 2, 3";
    }

    /** One row per bucket, dimension and value, for every dimension. */
    static String byDimension(String bucket) {
        String values = String.join(", ", DIMENSION_NAMES.stream().map(d -> "('" + d + "', " + value(d) + ")").toList());
        return "select tenant_id, " + bucket + " as bucket, d.dimension, d.value, is_bot, " + COUNTS
                + " from measurement.trackers cross join lateral (values " + values + ") as d(dimension, value)"
                + " where created_at >= :from and created_at < :to group by 1, 2, 3, 4, 5";
    }

    /** One row per bucket and value of one dimension (the live part of a per-dimension query). */
    static String ofDimension(String bucket, String dimension) {
        if (!DIMENSION_NAMES.contains(dimension)) {
            throw new IllegalArgumentException("Unknown dimension " + dimension);
        }
        return "select tenant_id, " + bucket + " as bucket, '" + dimension + "' as dimension, " + value(dimension)
                + " as value, is_bot, " + COUNTS + " " + WINDOW + " group by 1, 2, 3, 4, 5";
    }

    private static String value(String dimension) {
        return "event_type".equals(dimension) ? dimension : "coalesce(" + dimension + ", '')";
    }

    private TrackerFacts() {
    }
}

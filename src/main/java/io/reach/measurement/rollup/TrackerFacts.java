package io.reach.measurement.rollup;

import java.util.List;

/**
 * The shapes the rollups hold and the live (not yet rolled up) part of a query reads, counted
 * from a source of {@link #events facts}: the tracker events of {@code [:from, :to)} with their
 * bucket — an hour ({@code date_trunc('hour', …, 'UTC')}) or a day in the zone {@code :zone} — and
 * every dimension's value (missing values as ''). A shape counts them per bucket by every
 * dimension together ({@link #perBucket}), in total ({@link #totals}) or per value of each
 * dimension ({@link #byDimension}), always per site (distinct counts are never added across sites).
 * Live queries read the facts as a derived table ({@link #LIVE})
 * and count them in one pass; the rollups load them once into a temporary table and count each
 * shape from there in {@linkplain Counting#HASHED hashed steps}.
 */
public final class TrackerFacts {

    /** The dimensions dashboards group and filter by, with the column expression each is read from. */
    public static final List<String> DIMENSION_NAMES = List.of(
            "event_type", "page_url", "referrer_url", "device_type", "browser_name", "operating_system", "country");

    static final String DIMENSIONS = String.join(", ", DIMENSION_NAMES) + ", is_bot";
    static final String HOUR = "date_trunc('hour', created_at, 'UTC')";
    static final String DAY = "date_trunc('day', created_at, :zone)";
    /** The hourly facts as a derived table, for the live part of a query. */
    public static final String LIVE = "(" + events(HOUR) + ") as facts";

    private static final String TOTAL_KEYS = "tenant_id, site_id, bucket, is_bot";
    private static final String DIMENSION_KEYS = "tenant_id, site_id, bucket, dimension, value, is_bot";

    /** How distinct sessions and users are counted. */
    public enum Counting {
        /** {@code count(distinct …)} in one pass: sorts the events of every group; best for few events. */
        ONE_PASS,
        /**
         * Per group and session, then per group, and users apart from the identified events only:
         * every step hashes, two to three times faster than sorting for a day's events.
         */
        HASHED
    }

    /** The current tenant's events of {@code [:from, :to)} with their site, bucket and dimension values. */
    static String events(String bucket) {
        return "select tenant_id, site_id, " + bucket + " as bucket, "
                + String.join(
                        ", ",
                        DIMENSION_NAMES.stream().map(d -> value(d) + " as " + d).toList())
                + ", is_bot, session_id, user_id, event_value from measurement.trackers"
                + " where created_at >= :from and created_at < :to";
    }

    /** Per bucket and every dimension value together. */
    public static String perBucket(String source, Counting counting) {
        return counted(source, "tenant_id, site_id, bucket, " + DIMENSIONS, counting);
    }

    /** Totals per bucket. */
    public static String totals(String source, Counting counting) {
        return counted(source, TOTAL_KEYS, counting);
    }

    /** One row per bucket, dimension and value, for every dimension (each counted in its own pass). */
    static String byDimension(String source, Counting counting) {
        return String.join(
                " union all ",
                DIMENSION_NAMES.stream()
                        .map(d -> ofDimension(source, d, counting))
                        .toList());
    }

    /** One row per bucket and value of one dimension. */
    public static String ofDimension(String source, String dimension, Counting counting) {
        if (!DIMENSION_NAMES.contains(dimension)) {
            throw new IllegalArgumentException("Unknown dimension " + dimension);
        }
        return counted(
                "(select tenant_id, site_id, bucket, '" + dimension + "' as dimension, " + dimension
                        + " as value, is_bot, session_id, user_id, event_value from " + source + ") as one_dimension",
                DIMENSION_KEYS,
                counting);
    }

    /** Per group of the source's {@code keys} columns: events, distinct sessions and users, sum and count of event_value. */
    private static String counted(String source, String keys, Counting counting) {
        if (counting == Counting.ONE_PASS) {
            return "select " + keys + ", count(*) as events, count(distinct session_id) as sessions,"
                    + " count(distinct user_id) as users, coalesce(sum(event_value), 0) as value_sum,"
                    + " count(event_value) as value_count from " + source + " group by " + keys;
        }
        String facts = "(select " + keys + ", session_id, user_id, event_value from " + source + ") as facts";
        return "select " + keys + ", s.events, s.sessions, coalesce(u.users, 0) as users, s.value_sum, s.value_count"
                + " from (select " + keys + ", sum(events)::bigint as events, count(session_id) as sessions,"
                + " coalesce(sum(value_sum), 0) as value_sum, sum(value_count)::bigint as value_count from (select "
                + keys
                + ", session_id, count(*) as events, sum(event_value) as value_sum, count(event_value) as value_count"
                + " from " + facts + " group by " + keys + ", session_id) as per_session group by " + keys + ") as s"
                + " left join (select " + keys + ", count(*) as users from (select distinct " + keys + ", user_id from "
                + facts + " where user_id is not null) as per_user group by " + keys + ") as u using (" + keys + ")";
    }

    private static String value(String dimension) {
        return "event_type".equals(dimension) ? dimension : "coalesce(" + dimension + ", '')";
    }

    private TrackerFacts() {}
}

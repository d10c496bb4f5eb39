package io.reach.measurement;

/**
 * The shapes the hourly rollups hold and the live (not yet rolled up) part of a query reads: the
 * tracker events of {@code [:from, :to)} counted per UTC hour — by every dimension together
 * ({@link #PER_HOUR}), in total ({@link #TOTALS_PER_HOUR}) or per value of each dimension
 * ({@link #BY_DIMENSION_PER_HOUR}); missing values as ''.
 */
final class TrackerFacts {

    static final String DIMENSIONS = "event_type, page_url, referrer_url, device_type, browser_name, operating_system, is_bot";

    private static final String COUNTS = """
            count(*) as events, count(distinct session_id) as sessions, count(distinct user_id) as users,
            coalesce(sum(event_value), 0) as value_sum, count(event_value) as value_count""";
    private static final String WINDOW = "from measurement.trackers where created_at >= :from and created_at < :to";

    static final String PER_HOUR = """
            select tenant_id, date_trunc('hour', created_at, 'UTC') as bucket, event_type, coalesce(page_url, '') as page_url,
                   coalesce(referrer_url, '') as referrer_url, coalesce(device_type, '') as device_type,
                   coalesce(browser_name, '') as browser_name, coalesce(operating_system, '') as operating_system, is_bot,
                   %s
            %s
            group by 1, 2, 3, 4, 5, 6, 7, 8, 9""".formatted(COUNTS, WINDOW);

    static final String TOTALS_PER_HOUR = """
            select tenant_id, date_trunc('hour', created_at, 'UTC') as bucket, is_bot, %s
            %s
            group by 1, 2, 3""".formatted(COUNTS, WINDOW);

    static final String BY_DIMENSION_PER_HOUR = """
            select tenant_id, date_trunc('hour', created_at, 'UTC') as bucket, d.dimension, d.value, is_bot, %s
            from measurement.trackers
            cross join lateral (values ('event_type', event_type), ('page_url', coalesce(page_url, '')),
                ('referrer_url', coalesce(referrer_url, '')), ('device_type', coalesce(device_type, '')),
                ('browser_name', coalesce(browser_name, '')), ('operating_system', coalesce(operating_system, '')))
                as d(dimension, value)
            where created_at >= :from and created_at < :to
            group by 1, 2, 3, 4, 5""".formatted(COUNTS);

    private TrackerFacts() {
    }
}

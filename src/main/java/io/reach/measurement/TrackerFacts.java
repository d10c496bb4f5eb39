package io.reach.measurement;

/**
 * The one shape both the hourly rollup and the live (not yet rolled up) part of a query read:
 * tracker events of {@code [:from, :to)} counted per UTC hour and dimension values (missing
 * values as '').
 */
final class TrackerFacts {

    static final String DIMENSIONS = "event_type, page_url, referrer_url, device_type, browser_name, operating_system, is_bot";

    static final String PER_HOUR = """
            select tenant_id, date_trunc('hour', created_at, 'UTC') as bucket, event_type, coalesce(page_url, '') as page_url,
                   coalesce(referrer_url, '') as referrer_url, coalesce(device_type, '') as device_type,
                   coalesce(browser_name, '') as browser_name, coalesce(operating_system, '') as operating_system, is_bot,
                   count(*) as events, count(distinct session_id) as sessions, count(distinct user_id) as users,
                   coalesce(sum(event_value), 0) as value_sum, count(event_value) as value_count
            from measurement.trackers where created_at >= :from and created_at < :to
            group by 1, 2, 3, 4, 5, 6, 7, 8, 9""";

    private TrackerFacts() {
    }
}

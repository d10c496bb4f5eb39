package io.reach.measurement;

import static io.reach.platform.time.UtcTimes.utc;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Visits of one site of the current tenant, read from the sessionizer's sessions (one row per
 * visit, so far fewer rows than events) instead of raw events: how many visitors and visits, how
 * long they stayed, how many left after one event. A visitor is the events' user id where they
 * carry one, else the session (the tracking script sends no visitor id). Dimension filters select
 * the visits as the events are filtered: device, browser, operating system and country are the
 * session's own; page, referrer and event type select the visits with such an event in the range.
 */
@Repository
class VisitQueries {

    /** The session's own column for each event dimension it records. */
    private static final Map<String, String> SESSION_COLUMNS = Map.of(
            "device_type", "device_info ->> 'device_type'",
            "browser_name", "device_info ->> 'browser'",
            "operating_system", "device_info ->> 'operating_system'",
            "country", "location_data ->> 'country'");

    private static final String VISITS = """
            select count(distinct coalesce(user_id, session_key)) as visitors, count(*) as sessions,
                   coalesce(avg(extract(epoch from ended_at - started_at)), 0)::float8 as average_duration_seconds,
                   coalesce(avg(case when events = 1 then 1.0 else 0.0 end), 0)::float8 as bounce_rate
            from measurement.sessions""";

    private static final String SEEN = """
            select count(distinct coalesce(user_id, session_id)) from measurement.trackers
            where site_id = :site and created_at >= :from and created_at < :to and (:bots or not is_bot)""";

    private final JdbcClient jdbc;

    VisitQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The visits that started in the scope's range. */
    record Visits(long visitors, long sessions, double averageDurationSeconds, double bounceRate) {}

    Visits visits(AnalyticsQueries.Scope scope) {
        return bound(VISITS + started(scope), scope).query(Visits.class).single();
    }

    /** The visits started in each period of the scope that had any, cut in {@code zone}, oldest first. */
    List<AnalyticsQueries.Point> visitsPer(String interval, ZoneId zone, AnalyticsQueries.Scope scope) {
        String sql = "select date_trunc(:interval, started_at, :zone) as period, count(*) as value"
                + " from measurement.sessions" + started(scope) + " group by 1 order by 1";
        return bound(sql, scope)
                .param("interval", interval)
                .param("zone", zone.getId())
                .query((rs, row) -> new AnalyticsQueries.Point(
                        rs.getObject("period", OffsetDateTime.class)
                                .toInstant()
                                .atZone(zone)
                                .toOffsetDateTime(),
                        rs.getBigDecimal("value")))
                .list();
    }

    /** The visits of the scope: started in its range, of its site, with the events it filters on. */
    private static String started(AnalyticsQueries.Scope scope) {
        StringBuilder sql = new StringBuilder(
                " where site_id = :site and started_at >= :from and started_at < :to and (:bots or not is_bot)");
        List<String> eventFilters = scope.filters().keySet().stream()
                .filter(dimension -> !SESSION_COLUMNS.containsKey(dimension))
                .toList();
        scope.filters().keySet().stream()
                .filter(SESSION_COLUMNS::containsKey)
                .forEach(dimension -> sql.append(" and coalesce(")
                        .append(SESSION_COLUMNS.get(dimension))
                        .append(", '') = :f_")
                        .append(dimension));
        if (!eventFilters.isEmpty()) {
            sql.append(" and session_key in (select session_id from measurement.trackers where site_id = :site")
                    .append(" and created_at >= :from and created_at < :to and session_id is not null");
            eventFilters.forEach(dimension -> sql.append(" and coalesce(")
                    .append(dimension)
                    .append(", '') = :f_")
                    .append(dimension));
            sql.append(')');
        }
        return sql.toString();
    }

    /** The distinct visitors with an event in the scope's range, read from its (few) raw events. */
    long visitorsSeen(AnalyticsQueries.Scope scope) {
        return bound(SEEN + AnalyticsQueries.rawFilters(scope), scope)
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec bound(String sql, AnalyticsQueries.Scope scope) {
        return AnalyticsQueries.bindFilters(jdbc.sql(sql), scope)
                .param("site", scope.site())
                .param("from", utc(scope.from()))
                .param("to", utc(scope.to()))
                .param("bots", scope.bots());
    }
}

package io.reach.measurement;

import static io.reach.platform.time.UtcTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Visits of one site of the current tenant: how many visitors and visits, how long they stayed,
 * how many left after one event. A visitor is the events' user id where they carry one, else the
 * session (the tracking script sends no visitor id). Dimension filters select the visits as the
 * events are filtered: device, browser, operating system and country are the session's own; page,
 * referrer and event type select the visits with such an event in the range.
 *
 * <p>Read from the hourly visits rollup ({@code measurement.session_hourly}) for the whole hours it
 * holds and from the sessionizer's sessions after them, when the range starts on a whole hour and
 * is filtered on session dimensions only; visitors so only without filters and without robots (a
 * rollup row knows when the visitor's previous visit started, not under which filters). Everything
 * else (page, referrer or event type filters, a range not on whole hours) reads the sessions.
 */
@Repository
class VisitQueries {

    /** The session's own column for each event dimension it records. */
    private static final Map<String, String> SESSION_COLUMNS = Map.of(
            "device_type", "device_info ->> 'device_type'",
            "browser_name", "device_info ->> 'browser'",
            "operating_system", "device_info ->> 'operating_system'",
            "country", "location_data ->> 'country'");

    /** The visits rollup's column for each of those dimensions. */
    private static final Map<String, String> ROLLUP_COLUMNS = Map.of(
            "device_type", "device_type",
            "browser_name", "browser",
            "operating_system", "operating_system",
            "country", "country");

    private static final String VISITS = """
            select count(distinct coalesce(user_id, session_key)) as visitors, count(*) as sessions,
                   coalesce(avg(extract(epoch from ended_at - started_at)), 0)::float8 as average_duration_seconds,
                   coalesce(avg(case when events = 1 then 1.0 else 0.0 end), 0)::float8 as bounce_rate
            from measurement.sessions""";

    private static final String ROLLED_VISITS = """
            select 0::bigint as visitors, coalesce(sum(visits), 0)::bigint as sessions,
                   coalesce(sum(duration_seconds) / nullif(sum(visits), 0), 0)::float8 as average_duration_seconds,
                   coalesce(sum(bounces)::numeric / nullif(sum(visits), 0), 0)::float8 as bounce_rate
            from (select visits, bounces, duration_seconds from measurement.session_hourly%s
                  union all
                  select 1, case when events = 1 then 1 else 0 end, extract(epoch from ended_at - started_at)
                  from measurement.sessions%s) v""";

    /** Visits whose previous one (the visitor's, same robot flag) started before the range: one per visitor. */
    private static final String ROLLED_VISITORS = """
            select (select coalesce(sum(visits), 0) from measurement.session_hourly%s and returning_since < :from)
                 + (select count(*) from (select s.*, coalesce(user_id, session_key) as visitor
                                          from measurement.sessions s%s offset 0) s
                    where not exists (select 1 from measurement.sessions p
                                      where p.tenant_id = s.tenant_id and p.site_id = s.site_id and p.is_bot = s.is_bot
                                        and p.user_id = s.visitor and p.started_at >= :from
                                        and (p.started_at < s.started_at or (p.started_at = s.started_at and p.id < s.id)))
                      and not exists (select 1 from measurement.sessions p
                                      where p.tenant_id = s.tenant_id and p.site_id = s.site_id and p.is_bot = s.is_bot
                                        and p.session_key = s.visitor and p.user_id is null and p.started_at >= :from
                                        and (p.started_at < s.started_at or (p.started_at = s.started_at and p.id < s.id))))""";

    private static final String SEEN = """
            select count(distinct coalesce(user_id, session_id)) from measurement.trackers
            where site_id = :site and created_at >= :from and created_at < :to and (:bots or not is_bot)""";

    private final JdbcClient jdbc;

    VisitQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The visits that started in the scope's range. */
    record Visits(long visitors, long sessions, double averageDurationSeconds, double bounceRate) {}

    /** The visits that started in the scope's range; the visits rollup holds the whole hours before {@code rolled}. */
    Visits visits(AnalyticsQueries.Scope scope, Instant rolled) {
        Optional<Instant> cut = rolledUntil(scope, rolled);
        if (cut.isEmpty()) {
            return bound(VISITS + started(scope, ":from"), scope)
                    .query(Visits.class)
                    .single();
        }
        Visits counted = bound(ROLLED_VISITS.formatted(rolledRows(scope), started(scope, ":cut")), scope)
                .param("cut", utc(cut.get()))
                .query(Visits.class)
                .single();
        long visitors = scope.filters().isEmpty() && !scope.bots()
                ? bound(ROLLED_VISITORS.formatted(rolledRows(scope), started(scope, ":cut")), scope)
                        .param("cut", utc(cut.get()))
                        .query(Long.class)
                        .single()
                : bound(
                                "select count(distinct coalesce(user_id, session_key)) from measurement.sessions"
                                        + started(scope, ":from"),
                                scope)
                        .query(Long.class)
                        .single();
        return new Visits(visitors, counted.sessions(), counted.averageDurationSeconds(), counted.bounceRate());
    }

    /** The visits started in each period of the scope that had any, cut in {@code zone}, oldest first. */
    List<AnalyticsQueries.Point> visitsPer(
            String interval, ZoneId zone, AnalyticsQueries.Scope scope, List<Instant> periods, Instant rolled) {
        Optional<Instant> cut = periods.stream().allMatch(period -> period.isBefore(scope.from()) || wholeHour(period))
                ? rolledUntil(scope, rolled)
                : Optional.empty();
        String sessions = cut.isEmpty()
                ? "select started_at as bucket, 1 as visits from measurement.sessions" + started(scope, ":from")
                : "select bucket, visits from measurement.session_hourly" + rolledRows(scope)
                        + " union all select started_at, 1 from measurement.sessions" + started(scope, ":cut");
        String sql = "select date_trunc(:interval, bucket, :zone) as period, sum(visits) as value from (" + sessions
                + ") v group by 1 order by 1";
        var spec = bound(sql, scope).param("interval", interval).param("zone", zone.getId());
        if (cut.isPresent()) {
            spec = spec.param("cut", utc(cut.get()));
        }
        return spec.query((rs, row) -> new AnalyticsQueries.Point(
                        rs.getObject("period", OffsetDateTime.class)
                                .toInstant()
                                .atZone(zone)
                                .toOffsetDateTime(),
                        rs.getBigDecimal("value")))
                .list();
    }

    /**
     * Where the visits rollup's part of the scope ends (its whole hours before {@code rolled}, the
     * sessions after), or none when the rollup cannot answer: a range not starting on a whole hour,
     * a filter on what the session does not record.
     */
    private static Optional<Instant> rolledUntil(AnalyticsQueries.Scope scope, Instant rolled) {
        if (!wholeHour(scope.from())
                || !ROLLUP_COLUMNS.keySet().containsAll(scope.filters().keySet())) {
            return Optional.empty();
        }
        Instant until = rolled.truncatedTo(ChronoUnit.HOURS);
        until = until.isAfter(scope.to()) ? scope.to() : until;
        return Optional.of(until.isBefore(scope.from()) ? scope.from() : until);
    }

    private static boolean wholeHour(Instant instant) {
        return instant.getEpochSecond() % 3600 == 0 && instant.getNano() == 0;
    }

    /** The visits rollup's rows of the scope's whole hours before {@code :cut}, filtered. */
    private static String rolledRows(AnalyticsQueries.Scope scope) {
        StringBuilder sql = new StringBuilder(
                " where site_id = :site and bucket >= :from and bucket < :cut and (:bots or not is_bot)");
        scope.filters()
                .keySet()
                .forEach(dimension -> sql.append(" and ")
                        .append(ROLLUP_COLUMNS.get(dimension))
                        .append(" = :f_")
                        .append(dimension));
        return sql.toString();
    }

    /** The visits of the scope started from {@code start} on: of its site, with the events it filters on. */
    private static String started(AnalyticsQueries.Scope scope, String start) {
        StringBuilder sql = new StringBuilder(" where site_id = :site and started_at >= " + start
                + " and started_at < :to and (:bots or not is_bot)");
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

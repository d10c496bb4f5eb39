package io.reach.measurement.rollup;

import static io.reach.platform.time.UtcTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hourly visits rollup ({@code measurement.session_hourly}) of the current tenant: the visits
 * started in each UTC hour, per site and session dimensions, with the hour the visitor's previous
 * session started (so distinct visitors of a period starting on a whole hour are the visits whose
 * previous one started before it). A window is replaced whole; a visit's previous session changes
 * when a session of the same visitor is added before it, so the hours of the next visits after a
 * window are recounted with it.
 */
@Component
class SessionRollup {

    /**
     * The visitor's sessions (same site and robot flag) that {@code condition} selects, first in {@code order}: the
     * visitor is {@code coalesce(user_id, session_key)} ({@link #WINDOW}'s {@code visitor}), matched on
     * the plain columns (indexes sessions_by_user and sessions_by_key; under row security an
     * expression is not an index condition).
     */
    private static String visitorSessions(String alias, String order, String condition) {
        String sql = """
                left join lateral (select %1$s.started_at from measurement.sessions %1$s
                    where %1$s.tenant_id = s.tenant_id and %1$s.site_id = s.site_id and %1$s.is_bot = s.is_bot
                      and %%s and (%2$s)
                    order by %1$s.started_at %3$s, %1$s.id %3$s limit 1) %%s on true""".formatted(alias, condition, order);
        return sql.formatted(alias + ".user_id = s.visitor", alias + "_user")
                + "\n"
                + sql.formatted(alias + ".session_key = s.visitor and " + alias + ".user_id is null", alias + "_key");
    }

    /** The sessions started in {@code [:from, :to)}, with their visitor (a column, not an expression: offset 0). */
    private static final String WINDOW = """
            (select s.*, coalesce(s.user_id, s.session_key) as visitor from measurement.sessions s
             where s.started_at >= :from and s.started_at < :to offset 0) s""";

    /** The visitor's session before {@code s}, in the order (started_at, id): greatest(p_user, p_key). */
    private static final String PREVIOUS = visitorSessions(
            "p", "desc", "p.started_at < s.started_at or (p.started_at = s.started_at and p.id < s.id)");

    private static final String COUNT = """
            insert into measurement.session_hourly (tenant_id, site_id, bucket, is_bot, device_type, browser,
                operating_system, country, returning_since, visits, bounces, duration_seconds)
            select s.tenant_id, s.site_id, date_trunc('hour', s.started_at, 'UTC'), s.is_bot,
                   coalesce(s.device_info ->> 'device_type', ''), coalesce(s.device_info ->> 'browser', ''),
                   coalesce(s.device_info ->> 'operating_system', ''), coalesce(s.location_data ->> 'country', ''),
                   coalesce(date_trunc('hour', greatest(p_user.started_at, p_key.started_at), 'UTC'), '-infinity'),
                   count(*), count(*) filter (where s.events = 1), sum(extract(epoch from s.ended_at - s.started_at))
            from %s
            %s
            group by 1, 2, 3, 4, 5, 6, 7, 8, 9""".formatted(WINDOW, PREVIOUS);

    /** The hours of the first visit after {@code :to} of each visitor with a visit in the window. */
    private static final String FOLLOWING = """
            select distinct date_trunc('hour', least(n_user.started_at, n_key.started_at), 'UTC') as hour
            from %s
            %s
            where coalesce(n_user.started_at, n_key.started_at) is not null
            order by 1""".formatted(WINDOW, visitorSessions("n", "asc", "n.started_at >= :to"));

    private final JdbcClient jdbc;

    SessionRollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the rows of the hours {@code [from, to)} (the last whole, though it is not over), then those of the visits following them; answers the rows written. */
    int refresh(Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = to.truncatedTo(ChronoUnit.HOURS).equals(to)
                ? to
                : to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        int rows = replace(start, end);
        List<Instant> following = jdbc.sql(FOLLOWING)
                .param("from", utc(start))
                .param("to", utc(end))
                .query((rs, row) -> rs.getObject("hour", OffsetDateTime.class).toInstant())
                .list();
        for (Instant hour : following) {
            rows += replace(hour, hour.plus(1, ChronoUnit.HOURS));
        }
        return rows;
    }

    /** Replaces the rows of the whole hours {@code [from, to)}. */
    private int replace(Instant from, Instant to) {
        jdbc.sql("delete from measurement.session_hourly where bucket >= :from and bucket < :to")
                .param("from", utc(from))
                .param("to", utc(to))
                .update();
        return jdbc.sql(COUNT).param("from", utc(from)).param("to", utc(to)).update();
    }
}

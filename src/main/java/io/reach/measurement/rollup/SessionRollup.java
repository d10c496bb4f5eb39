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

    /** The visitor's session before {@code s} (same site and robot flag), in the order (started_at, id). */
    private static final String PREVIOUS = """
            select p.started_at from measurement.sessions p
            where p.tenant_id = s.tenant_id and p.site_id = s.site_id
              and coalesce(p.user_id, p.session_key) = coalesce(s.user_id, s.session_key) and p.is_bot = s.is_bot
              and (p.started_at < s.started_at or (p.started_at = s.started_at and p.id < s.id))
            order by p.started_at desc, p.id desc limit 1""";

    private static final String COUNT = """
            insert into measurement.session_hourly (tenant_id, site_id, bucket, is_bot, device_type, browser,
                operating_system, country, returning_since, visits, bounces, duration_seconds)
            select s.tenant_id, s.site_id, date_trunc('hour', s.started_at, 'UTC'), s.is_bot,
                   coalesce(s.device_info ->> 'device_type', ''), coalesce(s.device_info ->> 'browser', ''),
                   coalesce(s.device_info ->> 'operating_system', ''), coalesce(s.location_data ->> 'country', ''),
                   coalesce(date_trunc('hour', p.started_at, 'UTC'), '-infinity'), count(*),
                   count(*) filter (where s.events = 1), sum(extract(epoch from s.ended_at - s.started_at))
            from measurement.sessions s left join lateral (%s) p on true
            where s.started_at >= :from and s.started_at < :to
            group by 1, 2, 3, 4, 5, 6, 7, 8, 9""".formatted(PREVIOUS);

    /** The hours of the first visit after {@code :to} of each visitor with a visit in the window. */
    private static final String FOLLOWING = """
            select distinct date_trunc('hour', n.started_at, 'UTC') as hour from measurement.sessions s
            join lateral (select n.started_at from measurement.sessions n
                          where n.tenant_id = s.tenant_id and n.site_id = s.site_id
                            and coalesce(n.user_id, n.session_key) = coalesce(s.user_id, s.session_key)
                            and n.is_bot = s.is_bot and n.started_at >= :to
                          order by n.started_at limit 1) n on true
            where s.started_at >= :from and s.started_at < :to
            order by 1""";

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

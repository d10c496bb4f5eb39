package io.reach.measurement.ingest;

/**
 * The statements behind sessions. {@link #STORE} moves staged events into
 * {@code measurement.trackers} (events already stored, as in a retried batch, are skipped; {@link #STORE_NEW}
 * when none is) and
 * queues the new ones that carry a session id (one {@code measurement.session_batches} row for the batch), and marks the UTC hours they fall in for the rollups
 * ({@code measurement.rollup_dirty}, see {@code TrackerRollups} in the module root); it answers how many events were new.
 * {@link #SESSIONIZE} takes the oldest queued batches, up to the first that reaches {@code :limit} events, and folds them into
 * {@code measurement.sessions}: the events of one session id no more than {@code :gap} apart form
 * a run, which extends the session of its site it falls within {@code :gap} of, or opens a new one (a
 * session is one site's: the same session id on two sites is two sessions), and marks the UTC hours the
 * changed sessions started in for the visits rollup.
 */
final class TrackerSessions {

    private static final String QUEUED =
            "site_id, session_id, user_id, created_at, ip_address, user_agent, device_type,"
                    + " browser_name, operating_system, country, region, city, is_bot";

    private static final String STORE_INTO = """
            with inserted as (
                insert into measurement.trackers (%1$s) select %1$s from %4$s
                %3$s
                returning tenant_id, %2$s),
            queued as (
                -- one row for the batch's events that carry a session id (none when there are none)
                insert into measurement.session_batches (tenant_id, event_count, events)
                select tenant_id, count(*), array_agg(row(%2$s)::measurement.queued_event)
                from inserted where session_id is not null group by tenant_id),
            dirty as (
                -- hours in order, so concurrent batches of a tenant lock them in one order (no deadlock); the UTC
                -- hour as a bin of whole hours from a UTC midnight: date_trunc with a zone cost 0.5 µs an event
                insert into measurement.rollup_dirty (tenant_id, site_id, hour)
                select distinct tenant_id, site_id, date_bin('1 hour', created_at, timestamptz '2000-01-01 00:00:00+00')
                from inserted order by 2, 3
                on conflict (tenant_id, site_id, hour) do update set changes = measurement.rollup_dirty.changes + 1)
            select count(*)::int from inserted""";

    /**
     * {@link #STORE} for a batch none of whose events is stored yet (the usual case): a plain insert, which a
     * repeated event makes fail with a unique violation. Skipping stored events with {@code on conflict} cost
     * 13 ms per 1,000 events against the plain insert's 9 (a probe and a WAL record more per event).
     */
    static final String STORE_NEW = STORE_INTO.formatted(TrackerStore.COLUMNS, QUEUED, "", TrackerStore.STAGING);

    /** {@link #STORE_NEW}, skipping events already stored (a retried batch, or one that repeats an event). */
    static final String STORE = STORE_INTO.formatted(
            TrackerStore.COLUMNS,
            QUEUED,
            // the one key a retried event can repeat (ids are new each time): one index probed ahead, not two
            "on conflict (tenant_id, created_at, event_id) do nothing",
            TrackerStore.STAGING);

    /** What a run of events tells of its session, for {@code group by site_id, session_id[, run]}. */
    private static final String RUN_FACTS = """
            min(created_at) as first_at, max(created_at) as last_at, count(*) as events,
            max(user_id) as user_id, max(ip_address) as ip_address, max(user_agent) as user_agent, bool_or(is_bot) as is_bot,
            jsonb_strip_nulls(jsonb_build_object('device_type', max(device_type), 'browser', max(browser_name),
                'operating_system', max(operating_system))) as device_info,
            jsonb_strip_nulls(jsonb_build_object('country', max(country), 'region', max(region), 'city', max(city)))
                as location_data""";

    static final String SESSIONIZE = """
            with batches as (
                -- the oldest batches up to the first that reaches :limit events
                delete from measurement.session_batches
                where id in (select id from (
                    select id, sum(event_count) over (order by id) - event_count as before
                    from measurement.session_batches) queued where before < :limit)
                returning events),
            taken as (
                -- a deleted site's events that were still queued open no sessions
                select e.* from batches, unnest(batches.events) e
                where e.site_id in (select id from measurement.sites)),
            spans as (
                -- each session id's events of the chunk: when the first and the last are no more than :gap apart
                -- (nearly always), they are one run, found without sorting the events
                select site_id, session_id, %1$s
                from taken group by site_id, session_id),
            marked as (
                -- the others' events in time order: a run starts after a silence longer than :gap
                select *, case when created_at - lag(created_at) over (partition by site_id, session_id order by created_at)
                               > cast(:gap as interval) then 1 else 0 end as starts
                from taken
                -- "is true" keeps the test a hashed lookup: as a semi join, the planner (which expects one row from each
                -- side) scans the spans once per event
                where ((site_id, session_id) in (
                    select site_id, session_id from spans where last_at - first_at > cast(:gap as interval))) is true),
            runs as (
                select *, sum(starts) over (partition by site_id, session_id order by created_at rows unbounded preceding) as run
                from marked),
            batch as (
                select site_id, session_id, 0::bigint as run, first_at, last_at, events, user_id, ip_address, user_agent,
                       is_bot, device_info, location_data
                from spans where last_at - first_at <= cast(:gap as interval)
                union all
                select site_id, session_id, run, %1$s
                from runs group by site_id, session_id, run),
            extended as (
                update measurement.sessions s set started_at = least(s.started_at, b.first_at),
                    ended_at = greatest(s.ended_at, b.last_at), events = s.events + b.events,
                    user_id = coalesce(s.user_id, b.user_id),
                    location_data = case when s.location_data = '{}' then b.location_data else s.location_data end
                from batch b
                where s.site_id = b.site_id and s.session_key = b.session_id and b.first_at <= s.ended_at + cast(:gap as interval)
                  and b.last_at >= s.started_at - cast(:gap as interval)
                returning b.site_id, b.session_id, b.run, old.started_at as was_started_at, s.started_at),
            opened as (
                insert into measurement.sessions (tenant_id, site_id, id, session_key, user_id, started_at, ended_at, events,
                    ip_address, user_agent, device_info, location_data, is_bot)
                select :tenant, b.site_id, gen_random_uuid(), b.session_id, b.user_id, b.first_at, b.last_at, b.events,
                       b.ip_address, b.user_agent, b.device_info, b.location_data, b.is_bot
                from batch b where (b.site_id, b.session_id, b.run) not in (select site_id, session_id, run from extended)
                returning site_id, started_at),
            dirty as (
                -- the hours the changed visits started in (and had started in), for the visits rollup
                insert into measurement.rollup_dirty (tenant_id, site_id, hour)
                select distinct :tenant, site_id, date_bin('1 hour', started_at, timestamptz '2000-01-01 00:00:00+00') from (
                    select site_id, started_at from extended union all select site_id, was_started_at from extended
                    union all select site_id, started_at from opened) changed
                order by 2, 3
                on conflict (tenant_id, site_id, hour) do update set changes = measurement.rollup_dirty.changes + 1)
            select coalesce(sum(cardinality(events)), 0)::int from batches""".formatted(RUN_FACTS);

    private TrackerSessions() {}
}

package io.reach.measurement;

/**
 * The statement that moves staged events into {@code measurement.trackers} and keeps
 * {@code measurement.sessions}: the newly stored events of each session id extend the session
 * they fall within {@code :gap} of, or open a new one. Events already stored (a retried batch)
 * change nothing. Answers how many events were new.
 */
final class TrackerSessions {

    static final String STORE_AND_SESSIONIZE = """
            with inserted as (
                insert into measurement.trackers (%1$s) select %1$s from pg_temp.tracker_staging
                on conflict do nothing
                returning session_id, user_id, created_at, ip_address, user_agent, device_type, browser_name,
                          operating_system, is_bot, country, region, city),
            batch as (
                select session_id, min(created_at) as first_at, max(created_at) as last_at, count(*) as events,
                       max(user_id) as user_id, max(ip_address) as ip_address, max(user_agent) as user_agent,
                       bool_or(is_bot) as is_bot,
                       jsonb_strip_nulls(jsonb_build_object('device_type', max(device_type), 'browser',
                           max(browser_name), 'operating_system', max(operating_system))) as device_info,
                       jsonb_strip_nulls(jsonb_build_object('country', max(country), 'region', max(region),
                           'city', max(city))) as location_data
                from inserted where session_id is not null group by session_id),
            extended as (
                update measurement.sessions s set started_at = least(s.started_at, b.first_at),
                    ended_at = greatest(s.ended_at, b.last_at), events = s.events + b.events,
                    user_id = coalesce(s.user_id, b.user_id),
                    location_data = case when s.location_data = '{}' then b.location_data else s.location_data end
                from batch b
                where s.session_key = b.session_id and b.first_at <= s.ended_at + cast(:gap as interval)
                  and b.last_at >= s.started_at - cast(:gap as interval)
                returning s.session_key),
            opened as (
                insert into measurement.sessions (tenant_id, id, session_key, user_id, started_at, ended_at, events,
                    ip_address, user_agent, device_info, location_data, is_bot)
                select :tenant, gen_random_uuid(), b.session_id, b.user_id, b.first_at, b.last_at, b.events,
                       b.ip_address, b.user_agent, b.device_info, b.location_data, b.is_bot
                from batch b where b.session_id not in (select session_key from extended)
                returning 1)
            select count(*)::int from inserted""".formatted(
            TrackerWriter.COLUMNS);

    private TrackerSessions() {
    }
}

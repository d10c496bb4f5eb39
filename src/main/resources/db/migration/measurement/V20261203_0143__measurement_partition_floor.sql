-- How far back ingestion accepts events, as the application declares it before each partition
-- maintenance (reach.measurement.late-window). drop_tracker_partitions refuses any cutoff that
-- would drop a day partition an accepted event can still go to, whatever the retention
-- settings (or a caller) ask for.
create table measurement.event_window (
    id          boolean     primary key default true check (id),
    late_window interval    not null check (late_window >= interval '0'),
    declared_at timestamptz not null
);
comment on table measurement.event_window is 'global: the accepted event window that partition maintenance keeps';
insert into measurement.event_window (id, late_window, declared_at) values (true, interval '7 days', now());
revoke insert, update, delete, truncate on measurement.event_window from ${app_role};
grant select on measurement.event_window to ${app_role};

create function measurement.declare_event_window(late interval) returns void
    language sql security definer set search_path = pg_catalog, measurement
as $$
    update measurement.event_window set late_window = late, declared_at = now();
$$;

-- Drops the day partitions wholly before before_day; returns how many it dropped. Refuses (and
-- drops nothing) when before_day lies inside the accepted event window.
create or replace function measurement.drop_tracker_partitions(before_day date) returns integer
    language plpgsql security definer set search_path = pg_catalog, measurement
as $$
declare
    partition record;
    dropped integer := 0;
    window_start date;
begin
    select ((now() - late_window) at time zone 'UTC')::date into strict window_start from measurement.event_window;
    if before_day > window_start then
        raise exception 'refusing to drop tracker partitions before %: the accepted event window reaches back to %',
            before_day, window_start
            using errcode = 'check_violation',
                  hint = 'reach.measurement.retention must exceed reach.measurement.late-window by at least a day';
    end if;
    for partition in
        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'measurement.trackers'::regclass and c.relname ~ '^trackers_p[0-9]{8}$'
          and to_date(substring(c.relname from 11), 'YYYYMMDD') < before_day
    loop
        execute format('drop table measurement.%I', partition.relname);
        dropped := dropped + 1;
    end loop;
    return dropped;
end
$$;

revoke execute on function measurement.declare_event_window(interval) from public;
grant execute on function measurement.declare_event_window(interval) to ${app_role};

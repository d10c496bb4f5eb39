-- Behaviour events ("trackers", reference model 000), partitioned by day of created_at. The
-- application role owns nothing, so partitions are made and dropped by two functions that run
-- with the owner's rights and do only that.
create schema if not exists measurement;
grant usage on schema measurement to ${app_role};
alter default privileges in schema measurement grant select, insert, update, delete on tables to ${app_role};

-- The scope that ingestion API keys carry.
insert into identity.permissions (id, resource_type, action, description)
values (gen_random_uuid(), 'ingest', 'write', 'Ingest: write events'),
       (gen_random_uuid(), 'ingest', 'read', 'Ingest: read')
on conflict (resource_type, action) do nothing;

create table measurement.trackers (
    tenant_id         uuid        not null,
    id                uuid        not null,
    event_id          text        not null check (length(event_id) between 1 and 128),
    session_id        text check (length(session_id) <= 255),
    user_id           text check (length(user_id) <= 255),
    event_type        text        not null check (length(event_type) between 1 and 64),
    event_category    text check (length(event_category) <= 255),
    event_action      text check (length(event_action) <= 255),
    event_label       text check (length(event_label) <= 255),
    page_url          text check (length(page_url) <= 2048),
    referrer_url      text check (length(referrer_url) <= 2048),
    user_agent        text check (length(user_agent) <= 1024),
    ip_address        text check (length(ip_address) <= 64),
    device_type       text check (length(device_type) <= 64),
    browser_name      text check (length(browser_name) <= 64),
    operating_system  text check (length(operating_system) <= 64),
    screen_resolution text check (length(screen_resolution) <= 32),
    event_value       numeric(20, 4),
    custom_properties jsonb       not null default '{}' check (jsonb_typeof(custom_properties) = 'object'),
    is_bot            boolean     not null default false,
    created_at        timestamptz not null,
    received_at       timestamptz not null,
    primary key (tenant_id, created_at, id),
    unique (tenant_id, created_at, event_id)
) partition by range (created_at);
select platform.isolate_tenant_rows('measurement.trackers');
comment on column measurement.trackers.event_id is 'the sender''s id for the event (or one Reach made); a retried event with the same id and time is stored once';
comment on column measurement.trackers.ip_address is 'as the tenant''s privacy setting keeps it: truncated (IPv4 /24, IPv6 /64), hashed or whole';

-- Creates the missing day partitions of [first_day, last_day]; returns how many it created.
create function measurement.ensure_tracker_partitions(first_day date, last_day date) returns integer
    language plpgsql security definer set search_path = pg_catalog, measurement
as $$
declare
    day date;
    name text;
    created integer := 0;
begin
    if last_day - first_day > 400 then
        raise exception 'at most 400 days at a time';
    end if;
    for day in select generate_series(first_day, last_day, interval '1 day')::date loop
        name := 'trackers_p' || to_char(day, 'YYYYMMDD');
        if to_regclass('measurement.' || name) is null then
            execute format('create table measurement.%I partition of measurement.trackers for values from (%L) to (%L)',
                           name, (day::timestamp at time zone 'UTC'), ((day + 1)::timestamp at time zone 'UTC'));
            execute format('alter table measurement.%I enable row level security', name);
            execute format('alter table measurement.%I force row level security', name);
            created := created + 1;
        end if;
    end loop;
    return created;
end
$$;

-- Drops the day partitions wholly before before_day; returns how many it dropped.
create function measurement.drop_tracker_partitions(before_day date) returns integer
    language plpgsql security definer set search_path = pg_catalog, measurement
as $$
declare
    partition record;
    dropped integer := 0;
begin
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

revoke execute on function measurement.ensure_tracker_partitions(date, date) from public;
revoke execute on function measurement.drop_tracker_partitions(date) from public;
grant execute on function measurement.ensure_tracker_partitions(date, date) to ${app_role};
grant execute on function measurement.drop_tracker_partitions(date) to ${app_role};

select measurement.ensure_tracker_partitions(current_date - 8, current_date + 7);

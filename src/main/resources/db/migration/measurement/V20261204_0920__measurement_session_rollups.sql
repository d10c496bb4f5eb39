-- The visits of each UTC hour (by the hour its session started), per site and per the session
-- dimensions the dashboard filters on, so the dashboard's visits, bounce rate, visit length and
-- visits per period add whole hours instead of reading every session of the period. Kept by the
-- rollup job with the tracker rollups (the hours the writers and the sessionizer mark in
-- measurement.rollup_dirty), the newest part of a period is read from the sessions.
--
-- Visitors are distinct, so they are not added across hours as such: each row also carries the
-- hour the visitor's previous session (same site, same robot flag; the visitor is the user id, else
-- the session id) started, '-infinity' when none. The visitors of a period starting on a whole hour
-- are then exactly the visits whose previous one started before the period.
create table measurement.session_hourly (
    tenant_id        uuid        not null,
    site_id          uuid        not null,
    bucket           timestamptz not null,
    is_bot           boolean     not null,
    device_type      text        not null,
    browser          text        not null,
    operating_system text        not null,
    country          text        not null,
    returning_since  timestamptz not null,
    visits           bigint      not null,
    bounces          bigint      not null,
    duration_seconds numeric     not null,
    primary key (tenant_id, site_id, bucket, is_bot, device_type, browser, operating_system, country, returning_since)
);
select platform.isolate_tenant_rows('measurement.session_hourly');
comment on column measurement.session_hourly.bucket is 'the UTC hour the visits started in';
comment on column measurement.session_hourly.returning_since is
    'the hour the visitor''s previous session started, -infinity for a first visit';
comment on column measurement.session_hourly.duration_seconds is 'the visits'' lengths added';

-- A signed-in visitor's sessions in time order (the previous session of a visit; the others are
-- found by sessions_by_key).
create index sessions_by_user on measurement.sessions (tenant_id, site_id, user_id, started_at)
    where user_id is not null;

-- The sessions stored until now, every tenant's: forced row security is lifted for this
-- transaction only.
alter table measurement.sessions no force row level security;
alter table measurement.session_hourly no force row level security;
insert into measurement.session_hourly (tenant_id, site_id, bucket, is_bot, device_type, browser, operating_system,
    country, returning_since, visits, bounces, duration_seconds)
select tenant_id, site_id, date_trunc('hour', started_at, 'UTC'), is_bot,
       coalesce(device_info ->> 'device_type', ''), coalesce(device_info ->> 'browser', ''),
       coalesce(device_info ->> 'operating_system', ''), coalesce(location_data ->> 'country', ''),
       coalesce(date_trunc('hour', previous, 'UTC'), '-infinity'), count(*), count(*) filter (where events = 1),
       sum(extract(epoch from ended_at - started_at))
from (select s.*, lag(started_at) over (partition by tenant_id, site_id, coalesce(user_id, session_key), is_bot
                                        order by started_at, id) as previous
      from measurement.sessions s) v
group by 1, 2, 3, 4, 5, 6, 7, 8, 9;
alter table measurement.sessions force row level security;
alter table measurement.session_hourly force row level security;

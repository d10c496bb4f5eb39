-- Download measurement by the IAB Podcast Measurement Technical Guidelines: the raw requests
-- (immutable, day partitions, no raw IP), what counting derived from them (re-runnable: a day is
-- deleted and derived again), the lists and settings counting used, and the ads placed in episodes.


-- One secret per workspace, sealed with the installation key: listener keys (daily) and household
-- keys are HMACs under keys derived from it, so the database alone cannot tell an address.
create table podcasts.listener_secrets (
    tenant_id  uuid primary key references tenancy.tenants (id),
    sealed     bytea       not null,
    created_at timestamptz not null
);
select platform.isolate_tenant_rows('podcasts.listener_secrets');

create table podcasts.listener_events (
    tenant_id     uuid        not null,
    id            uuid        not null,
    occurred_at   timestamptz not null,
    podcast_id    uuid        not null,
    episode_id    uuid        not null,
    event_type    text        not null check (event_type in ('api', 'log', 'prefix')),
    listener_id   bytea       not null check (length(listener_id) = 16),
    listener_prev bytea       not null check (length(listener_prev) = 16),
    household_key bytea check (length(household_key) = 16),
    ip_prefix     cidr,
    country       text check (country ~ '^[A-Z]{2}$'),
    method        text        not null check (length(method) between 1 and 16),
    status        smallint    not null check (status between 0 and 999),
    range_header  text check (length(range_header) <= 200),
    bytes_served  bigint check (bytes_served >= 0),
    user_agent    text check (length(user_agent) <= 1024),
    referrer      text check (length(referrer) <= 2048),
    import_id     uuid,
    received_at   timestamptz not null,
    primary key (tenant_id, occurred_at, id)
) partition by range (occurred_at);
select platform.isolate_tenant_rows('podcasts.listener_events');
create index listener_events_by_episode on podcasts.listener_events (tenant_id, episode_id, occurred_at);
comment on table podcasts.listener_events is
    'download requests as received (API, log files, prefix redirect); never changed but for household_key, cleared after the workspace''s household retention';
comment on column podcasts.listener_events.listener_id is
    'HMAC of (IPv4, or the IPv6 /64) and the user agent under the workspace''s key of the request''s UTC day';
comment on column podcasts.listener_events.listener_prev is
    'the same under the previous day''s key: links a listener across midnight for rolling windows';
comment on column podcasts.listener_events.household_key is
    'HMAC of the address alone (IPv6: its /64) under the workspace''s household key, for attribution and narrow IP-list entries';
comment on column podcasts.listener_events.ip_prefix is 'the network only: IPv4 /24, IPv6 /48 (for IP lists)';
comment on column podcasts.listener_events.event_type is
    'how the request was measured: api (download log lines sent), log (a log file imported), prefix (the redirect: no bytes seen)';

create function podcasts.ensure_listener_partitions(first_day date, last_day date) returns integer
    language plpgsql security definer set search_path = pg_catalog, podcasts
as $$
declare
    day date;
    name text;
    created integer := 0;
begin
    if last_day - first_day > 800 then
        raise exception 'at most 800 days at a time';
    end if;
    -- Batches of one new day arrive together: one of them creates its partitions, the others wait and find them.
    perform pg_advisory_xact_lock(hashtext('podcasts.listener_partitions'));
    for day in select generate_series(first_day, last_day, interval '1 day')::date loop
        name := 'listener_events_p' || to_char(day, 'YYYYMMDD');
        if to_regclass('podcasts.' || name) is null then
            execute format('create table podcasts.%I partition of podcasts.listener_events for values from (%L) to (%L)',
                           name, (day::timestamp at time zone 'UTC'), ((day + 1)::timestamp at time zone 'UTC'));
            execute format('alter table podcasts.%I enable row level security', name);
            execute format('alter table podcasts.%I force row level security', name);
            created := created + 1;
        end if;
        name := 'downloads_p' || to_char(day, 'YYYYMMDD');
        if to_regclass('podcasts.' || name) is null then
            execute format('create table podcasts.%I partition of podcasts.downloads for values from (%L) to (%L)',
                           name, day, day + 1);
            execute format('alter table podcasts.%I enable row level security', name);
            execute format('alter table podcasts.%I force row level security', name);
        end if;
    end loop;
    return created;
end
$$;

create function podcasts.drop_listener_partitions(before_day date) returns integer
    language plpgsql security definer set search_path = pg_catalog, podcasts
as $$
declare
    partition record;
    dropped integer := 0;
begin
    if before_day > current_date - 365 then
        raise exception 'refusing to drop listener events of the last year (before %)', before_day
            using errcode = 'check_violation';
    end if;
    for partition in
        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'podcasts.listener_events'::regclass and c.relname ~ '^listener_events_p[0-9]{8}$'
          and to_date(substring(c.relname from 18), 'YYYYMMDD') < before_day
    loop
        execute format('drop table podcasts.%I', partition.relname);
        execute format('drop table if exists podcasts.%I', replace(partition.relname, 'listener_events_p', 'downloads_p'));
        dropped := dropped + 1;
    end loop;
    return dropped;
end
$$;
revoke execute on function podcasts.ensure_listener_partitions(date, date) from public;
revoke execute on function podcasts.drop_listener_partitions(date) from public;
grant execute on function podcasts.ensure_listener_partitions(date, date) to ${app_role};
grant execute on function podcasts.drop_listener_partitions(date) to ${app_role};

-- How a workspace counts: the window (disclosed with every figure), the spike rule and how long
-- household keys are kept.
create table podcasts.measurement_settings (
    tenant_id              uuid primary key references tenancy.tenants (id),
    counting_window        text        not null default 'utc_day'
        check (counting_window in ('utc_day', 'rolling_first_touch', 'rolling_last_touch')),
    spike_requests_per_hour integer    not null default 500 check (spike_requests_per_hour between 10 and 1000000),
    household_days         integer     not null default 90 check (household_days between 1 and 730),
    households_cleared_before date,
    updated_at             timestamptz not null
);
select platform.isolate_tenant_rows('podcasts.measurement_settings');

-- The workspace's own IP lists (exclusions): each change bumps the list's version, and a counted
-- day records the versions it used.
create table podcasts.ip_lists (
    tenant_id   uuid        not null references tenancy.tenants (id),
    id          uuid        not null,
    name        text        not null check (length(name) between 1 and 200),
    description text check (length(description) <= 2000),
    version     integer     not null default 1 check (version >= 1),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, name)
);
select platform.isolate_tenant_rows('podcasts.ip_lists');

create table podcasts.ip_list_entries (
    tenant_id uuid not null,
    list_id   uuid not null,
    network   cidr not null,
    note      text check (length(note) <= 500),
    primary key (tenant_id, list_id, network),
    foreign key (tenant_id, list_id) references podcasts.ip_lists (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('podcasts.ip_list_entries');

-- Spikes: a household (or network) requesting faster than the workspace's rule in an hour. Open
-- until decided; an excluded one is filtered from its first hour on (recount earlier days to apply).
create table podcasts.download_anomalies (
    tenant_id     uuid        not null,
    id            uuid        not null,
    household_key bytea       not null check (length(household_key) = 16),
    ip_prefix     cidr,
    first_hour    timestamptz not null,
    peak_requests integer     not null check (peak_requests > 0),
    threshold     integer     not null check (threshold > 0),
    status        text        not null default 'open' check (status in ('open', 'excluded', 'dismissed')),
    detected_at   timestamptz not null,
    decided_at    timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, household_key)
);
select platform.isolate_tenant_rows('podcasts.download_anomalies');

-- Ads placed in an episode: where (seconds into the audio) and how long; dynamic ads must be
-- delivered whole, baked-in ones count when their first second is delivered.
create table podcasts.ad_units (
    tenant_id        uuid          not null,
    id               uuid          not null,
    episode_id       uuid          not null,
    campaign_id      uuid,
    name             text check (length(name) <= 200),
    unit_type        text          not null check (unit_type in ('pre', 'mid', 'post')),
    insertion        text          not null default 'baked_in' check (insertion in ('baked_in', 'dynamic')),
    position_seconds numeric(9, 3) not null check (position_seconds >= 0),
    duration_seconds numeric(9, 3) not null check (duration_seconds > 0),
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, episode_id) references podcasts.episodes (tenant_id, id) on delete cascade
);
create index ad_units_by_episode on podcasts.ad_units (tenant_id, episode_id);
select platform.isolate_tenant_rows('podcasts.ad_units');

-- What counting derived. A day is derived whole: its rows are replaced in one transaction.
create table podcasts.counted_days (
    tenant_id       uuid        not null,
    day             date        not null,
    counting_window text        not null,
    list_versions   jsonb       not null,
    requests        bigint      not null,
    downloads       bigint      not null,
    counted_at      timestamptz not null,
    primary key (tenant_id, day)
);
select platform.isolate_tenant_rows('podcasts.counted_days');
comment on column podcasts.counted_days.list_versions is
    'the versions of every list the day was counted with: user agents, datacenters, installation files, the workspace''s lists, anomalies';

create table podcasts.downloads (
    tenant_id       uuid        not null,
    day             date        not null,
    episode_id      uuid        not null,
    podcast_id      uuid        not null,
    event_id        uuid        not null,
    counted_at      timestamptz not null,
    listener_id     bytea       not null,
    household_key   bytea,
    app             text,
    device          text,
    device_category text,
    os              text,
    country         text,
    bytes_delivered bigint      not null,
    prefix_measured boolean     not null,
    ads_delivered   uuid[]      not null default '{}',
    primary key (tenant_id, day, event_id)
) partition by range (day);
select platform.isolate_tenant_rows('podcasts.downloads');
select podcasts.ensure_listener_partitions(current_date - 8, current_date + 7);
comment on table podcasts.downloads is
    'one row per counted download (IAB), at the request that completed it; derived, replaced when a day is recounted (day partitions beside the requests'': a day is written and deleted whole)';

create table podcasts.listener_metrics (
    tenant_id    uuid    not null,
    id           uuid    not null,
    episode_id   uuid    not null,
    podcast_id   uuid    not null,
    metric_date  date    not null,
    metric_name  text    not null check (metric_name in ('requests', 'downloads', 'listeners', 'ads_delivered', 'filtered')),
    metric_value bigint  not null,
    metric_data  jsonb   not null default '{}',
    primary key (tenant_id, id),
    unique (tenant_id, metric_date, episode_id, metric_name)
);
create index listener_metrics_by_episode on podcasts.listener_metrics (tenant_id, episode_id, metric_date);
create index listener_metrics_by_podcast on podcasts.listener_metrics (tenant_id, podcast_id, metric_date);
select platform.isolate_tenant_rows('podcasts.listener_metrics');
comment on column podcasts.listener_metrics.metric_data is
    'filtered: requests not counted by reason {"bot": 12, ...}; downloads: {"prefix_measured": n}';

create table podcasts.listener_events_hourly (
    tenant_id        uuid        not null,
    hour             timestamptz not null,
    episode_id       uuid        not null,
    event_type       text        not null,
    event_count      bigint      not null,
    unique_listeners bigint      not null,
    primary key (tenant_id, hour, episode_id, event_type)
);
select platform.isolate_tenant_rows('podcasts.listener_events_hourly');

create table podcasts.listener_events_daily (
    tenant_id        uuid   not null,
    day              date   not null,
    episode_id       uuid   not null,
    event_type       text   not null,
    event_count      bigint not null,
    unique_listeners bigint not null,
    primary key (tenant_id, day, episode_id, event_type)
);
select platform.isolate_tenant_rows('podcasts.listener_events_daily');
comment on column podcasts.listener_events_daily.unique_listeners is
    'distinct listener keys of the day, counted from the requests (never a sum of hours)';

create table podcasts.metrics_daily (
    tenant_id    uuid    not null,
    day          date    not null,
    episode_id   uuid    not null,
    metric_name  text    not null,
    total_value  numeric not null,
    avg_value    numeric not null,
    record_count bigint  not null,
    primary key (tenant_id, day, episode_id, metric_name)
);
select platform.isolate_tenant_rows('podcasts.metrics_daily');

-- Background work of measurement: log-file imports and recounts, with progress.
create table podcasts.measurement_jobs (
    tenant_id     uuid        not null,
    id            uuid        not null,
    kind          text        not null check (kind in ('log_import', 'recount')),
    status        text        not null check (status in ('queued', 'running', 'succeeded', 'failed')),
    log_format    text check (log_format in ('combined', 's3', 'cloudfront')),
    file_name     text check (length(file_name) <= 500),
    file_sha256   text,
    first_day     date,
    last_day      date,
    total         bigint,
    done          bigint      not null default 0,
    stored        bigint      not null default 0,
    refused       bigint      not null default 0,
    refusals      jsonb       not null default '[]',
    error         text check (length(error) <= 2000),
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    primary key (tenant_id, id)
);
create unique index measurement_jobs_file on podcasts.measurement_jobs (tenant_id, file_sha256)
    where kind = 'log_import' and status <> 'failed';
select platform.isolate_tenant_rows('podcasts.measurement_jobs');

-- The uploaded log file waits here until its import has read it.
create table podcasts.log_uploads (
    tenant_id uuid  not null,
    job_id    uuid  not null,
    content   bytea not null,
    primary key (tenant_id, job_id),
    foreign key (tenant_id, job_id) references podcasts.measurement_jobs (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('podcasts.log_uploads');

-- A podcast's public key for the prefix redirect /e/{key}/…
alter table podcasts.podcasts add column prefix_key text check (prefix_key ~ '^pod_[A-Za-z0-9_-]{20,100}$');
create unique index podcasts_prefix_key on podcasts.podcasts (tenant_id, prefix_key) where prefix_key is not null;

-- The days that received requests since they were last counted: the writer marks them in the
-- transaction that stores the requests; the counting job counts exactly those (changes guards a
-- day written again while it was being counted).
create table podcasts.uncounted_days (
    tenant_id uuid   not null,
    day       date   not null,
    changes   bigint not null default 1,
    primary key (tenant_id, day)
);
select platform.isolate_tenant_rows('podcasts.uncounted_days');

-- Read-only report links for a podcast (or one of its episodes), shared with sponsors: the address
-- carries a sealed token naming the workspace and the link; revoked or expired links show nothing.
create table podcasts.report_links (
    tenant_id  uuid        not null,
    id         uuid        not null,
    podcast_id uuid        not null,
    episode_id uuid,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    created_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, podcast_id) references podcasts.podcasts (tenant_id, id) on delete cascade,
    foreign key (tenant_id, episode_id) references podcasts.episodes (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('podcasts.report_links');

-- When the audio was last measured (or tried): feeds re-synced in the background measure new
-- episodes, and do not retry an unreachable file more than daily.
alter table podcasts.episodes add column audio_checked_at timestamptz;

-- A day's downloads by app, device category, system and country per episode: what the reports
-- read, instead of the downloads themselves.
create table podcasts.download_breakdowns (
    tenant_id  uuid   not null,
    day        date   not null,
    episode_id uuid   not null,
    podcast_id uuid   not null,
    dimension  text   not null check (dimension in ('app', 'device_category', 'os', 'country')),
    value      text   not null,
    downloads  bigint not null,
    primary key (tenant_id, day, episode_id, dimension, value)
);
create index download_breakdowns_by_podcast on podcasts.download_breakdowns (tenant_id, podcast_id, day);
create index download_breakdowns_by_episode on podcasts.download_breakdowns (tenant_id, episode_id, day);
select platform.isolate_tenant_rows('podcasts.download_breakdowns');
comment on column podcasts.download_breakdowns.value is 'the app, device category, system or country; "" when unknown';

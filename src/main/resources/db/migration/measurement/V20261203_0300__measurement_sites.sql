-- Sites: one workspace measures several websites (an agency's clients). A site has its domains,
-- its site keys and its settings: the time zone its days are cut in (null: the workspace's), the
-- client addresses (IPs or CIDR blocks) and page paths (`*` wildcard) whose events are not stored.
-- Every workspace has exactly one default site, which API keys write into when they name no site
-- and analytics read when asked for none; it cannot be deleted.
create table measurement.sites (
    tenant_id      uuid        not null,
    id             uuid        not null,
    name           text        not null check (length(name) between 1 and 200),
    domains        text[]      not null default '{}' check (cardinality(domains) <= 50),
    time_zone      text check (length(time_zone) between 1 and 64),
    excluded_ips   text[]      not null default '{}' check (cardinality(excluded_ips) <= 100),
    excluded_paths text[]      not null default '{}' check (cardinality(excluded_paths) <= 100),
    is_default     boolean     not null default false,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    primary key (tenant_id, id)
);
create unique index sites_one_default on measurement.sites (tenant_id) where is_default;
comment on column measurement.sites.domains is 'host names (lower case) of the site';
comment on column measurement.sites.time_zone is 'IANA zone the site''s days are cut in; null: the workspace''s time_zone setting';
comment on column measurement.sites.excluded_ips is 'client addresses or CIDR blocks whose events are not stored (checked before the address is truncated or hashed)';
comment on column measurement.sites.excluded_paths is 'page paths whose events are not stored; * matches any characters';

-- Every existing workspace gets its default site; the data it measured so far is that site's.
insert into measurement.sites (tenant_id, id, name, is_default, created_at, updated_at)
select id, gen_random_uuid(), 'Default site', true, now(), now() from tenancy.tenants;

-- The site of every row; existing rows go to their workspace's default site. The forced row
-- security of each table is lifted for this transaction only, so every tenant's rows are seen.
do $$
declare
    target text;
begin
    foreach target in array array['trackers', 'sessions', 'session_queue', 'site_keys', 'rollup_dirty',
        'rollup_watermarks', 'tracker_hourly', 'tracker_hourly_totals', 'tracker_hourly_by_dimension',
        'tracker_daily_totals', 'tracker_daily_by_dimension'] loop
        execute format('alter table measurement.%I add column site_id uuid', target);
        execute format('alter table measurement.%I no force row level security', target);
        -- rows of a tenant id the registry does not hold (none expected) keep a site all the same
        execute format('insert into measurement.sites (tenant_id, id, name, is_default, created_at, updated_at)'
                       ' select tenant_id, gen_random_uuid(), ''Default site'', true, now(), now()'
                       ' from (select distinct tenant_id from measurement.%I) t'
                       ' on conflict (tenant_id) where is_default do nothing', target);
        execute format('update measurement.%I t set site_id = s.id from measurement.sites s'
                       ' where s.tenant_id = t.tenant_id and s.is_default', target);
        execute format('alter table measurement.%I alter column site_id set not null', target);
        execute format('alter table measurement.%I force row level security', target);
    end loop;
end
$$;

select platform.isolate_tenant_rows('measurement.sites');

-- Rollups are per site: distinct sessions and users are never added across sites.
alter table measurement.tracker_hourly drop constraint tracker_hourly_pkey;
alter table measurement.tracker_hourly add primary key (tenant_id, site_id, bucket, event_type, page_url, referrer_url,
    device_type, browser_name, operating_system, country, is_bot);
alter table measurement.tracker_hourly_totals drop constraint tracker_hourly_totals_pkey;
alter table measurement.tracker_hourly_totals add primary key (tenant_id, site_id, bucket, is_bot);
alter table measurement.tracker_hourly_by_dimension drop constraint tracker_hourly_by_dimension_pkey;
alter table measurement.tracker_hourly_by_dimension add primary key (tenant_id, site_id, dimension, bucket, value, is_bot);
alter table measurement.tracker_daily_totals drop constraint tracker_daily_totals_pkey;
alter table measurement.tracker_daily_totals add primary key (tenant_id, site_id, bucket, is_bot);
alter table measurement.tracker_daily_by_dimension drop constraint tracker_daily_by_dimension_pkey;
alter table measurement.tracker_daily_by_dimension add primary key (tenant_id, site_id, dimension, bucket, value, is_bot);

-- The hours a site received events; the daily rollup of each site (in its zone) follows them.
alter table measurement.rollup_dirty drop constraint rollup_dirty_pkey;
alter table measurement.rollup_dirty add primary key (tenant_id, site_id, hour);
-- The daily watermark is per site (its zone); the hourly rollup counts all sites of a workspace
-- together (UTC hours), and its watermark is kept on the default site's row.
alter table measurement.rollup_watermarks drop constraint rollup_watermarks_pkey;
alter table measurement.rollup_watermarks add primary key (tenant_id, site_id, rollup);

-- A session is one site's: the same session id on two sites is two sessions.
drop index measurement.sessions_by_key;
create index sessions_by_key on measurement.sessions (tenant_id, site_id, session_key);
drop index measurement.sessions_by_start;
create index sessions_by_start on measurement.sessions (tenant_id, site_id, started_at);

-- Daily metrics are the site's (entity_type 'site', entity_id the site).
alter table measurement.daily_analytics no force row level security;
update measurement.daily_analytics d set entity_type = 'site', entity_id = s.id from measurement.sites s
where s.tenant_id = d.tenant_id and s.is_default and d.entity_type = 'tenant';
alter table measurement.daily_analytics force row level security;

comment on column measurement.trackers.site_id is 'the site (measurement.sites) the event was sent to';

-- A day's counted downloads of one episode in one row, as parallel arrays in counting order, instead
-- of a row per download: counting writes and replaces about fifty rows a day rather than hundreds of
-- thousands (the per-row cost of a heap tuple, its index entry and the tenant check was the largest
-- part of counting), and household keys are cleared a row at a time. podcasts.download_rows gives
-- the row-per-download shape back to SQL, under the same tenant policy.
drop table podcasts.downloads cascade;

create table podcasts.downloads (
    tenant_id        uuid          not null,
    day              date          not null,
    episode_id       uuid          not null,
    podcast_id       uuid          not null,
    downloads        integer       not null check (downloads > 0),
    event_ids        uuid[]        not null,
    counted_at       timestamptz[] not null,
    listener_ids     bytea[]       not null,
    household_keys   bytea[],
    bytes_delivered  bigint[]      not null,
    prefix_measured  boolean[]     not null,
    ad_downloads     integer[]     not null default '{}',
    ad_units         uuid[]        not null default '{}',
    primary key (tenant_id, day, episode_id),
    check (cardinality(event_ids) = downloads and cardinality(counted_at) = downloads
        and cardinality(listener_ids) = downloads and cardinality(bytes_delivered) = downloads
        and cardinality(prefix_measured) = downloads
        and (household_keys is null or cardinality(household_keys) = downloads)
        and cardinality(ad_downloads) = cardinality(ad_units))
) partition by range (day);
-- Arrays of random keys do not compress: stored out of line as they are.
alter table podcasts.downloads alter column event_ids set storage external,
    alter column listener_ids set storage external, alter column household_keys set storage external,
    alter column counted_at set storage external, alter column bytes_delivered set storage external;
select platform.isolate_tenant_rows('podcasts.downloads');
comment on table podcasts.downloads is
    'the counted downloads (IAB) of one episode on one day, one array element per download at the request that completed it, in counting order; derived, replaced when the day is recounted (day partitions beside the requests'')';
comment on column podcasts.downloads.household_keys is
    'each download''s household key (null elements for requests without one); the whole array is cleared after the workspace''s household_days';
comment on column podcasts.downloads.ad_downloads is
    'with ad_units: the ads delivered, as pairs (1-based position of the download in the arrays, ad unit)';

-- The day partitions of every day that already has requests.
select podcasts.ensure_listener_partitions(
    coalesce(min(to_date(substring(c.relname from 18), 'YYYYMMDD')), current_date),
    coalesce(max(to_date(substring(c.relname from 18), 'YYYYMMDD')), current_date))
from pg_inherits i join pg_class c on c.oid = i.inhrelid
where i.inhparent = 'podcasts.listener_events'::regclass and c.relname ~ '^listener_events_p[0-9]{8}$';

-- One row per download, as SQL readers expect it; the caller's tenant policy applies.
create view podcasts.download_rows with (security_invoker = true) as
select d.tenant_id, d.day, d.episode_id, d.podcast_id, r.event_id, r.counted_at, r.listener_id, r.household_key,
    r.bytes_delivered, r.prefix_measured,
    coalesce(array(select a.unit from unnest(d.ad_downloads, d.ad_units) as a (position, unit)
                   where a.position = r.position), '{}') as ads_delivered
from podcasts.downloads d,
    unnest(d.event_ids, d.counted_at, d.listener_ids, d.household_keys, d.bytes_delivered, d.prefix_measured)
        with ordinality as r (event_id, counted_at, listener_id, household_key, bytes_delivered, prefix_measured, position);
grant select on podcasts.download_rows to ${app_role};

-- Every day counted before is counted again, to fill the new shape.
alter table podcasts.counted_days no force row level security;
alter table podcasts.uncounted_days no force row level security;
insert into podcasts.uncounted_days (tenant_id, day, changes)
select tenant_id, day, 1 from podcasts.counted_days
on conflict (tenant_id, day) do update set changes = podcasts.uncounted_days.changes + 1;
alter table podcasts.counted_days force row level security;
alter table podcasts.uncounted_days force row level security;

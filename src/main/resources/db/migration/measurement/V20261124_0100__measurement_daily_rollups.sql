-- Daily rollups, by day in the tenant's time zone (bucket = the local midnight): totals and one
-- row per dimension value, with sessions and users distinct within the day. Whole days of a
-- dashboard range are read from here, the rest from the hourly rollups.
create table measurement.tracker_daily_totals (
    tenant_id   uuid           not null,
    bucket      timestamptz    not null,
    is_bot      boolean        not null,
    events      bigint         not null,
    sessions    bigint         not null,
    users       bigint         not null,
    value_sum   numeric(24, 4) not null,
    value_count bigint         not null,
    primary key (tenant_id, bucket, is_bot)
);
select platform.isolate_tenant_rows('measurement.tracker_daily_totals');
comment on column measurement.tracker_daily_totals.bucket is 'the start of the day in the time zone of the daily watermark';

create table measurement.tracker_daily_by_dimension (
    tenant_id   uuid           not null,
    bucket      timestamptz    not null,
    dimension   text           not null,
    value       text           not null,
    is_bot      boolean        not null,
    events      bigint         not null,
    sessions    bigint         not null,
    users       bigint         not null,
    value_sum   numeric(24, 4) not null,
    value_count bigint         not null,
    primary key (tenant_id, dimension, bucket, value, is_bot)
);
select platform.isolate_tenant_rows('measurement.tracker_daily_by_dimension');

-- The zone the daily rollup's days are cut in (the tenant's when it ran).
alter table measurement.rollup_watermarks add column time_zone text not null default 'UTC';
-- The daily rollup holds the days from covers_from on (it is recomputed when the zone changes).
alter table measurement.rollup_watermarks add column covers_from timestamptz;

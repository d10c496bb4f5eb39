-- Narrow hourly rollups that answer most dashboard queries from few rows: totals per hour, and
-- per hour one row per value of each dimension (the all-dimension rollup serves filtered queries).
create table measurement.tracker_hourly_totals (
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
select platform.isolate_tenant_rows('measurement.tracker_hourly_totals');

create table measurement.tracker_hourly_by_dimension (
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
select platform.isolate_tenant_rows('measurement.tracker_hourly_by_dimension');

-- Incremental rollups of the tracker events, by hour, with the dimensions dashboards group by
-- (missing values as ''), and daily_analytics (reference model 004) fed by the daily refresh.
create table measurement.tracker_hourly (
    tenant_id        uuid           not null,
    bucket           timestamptz    not null,
    event_type       text           not null,
    page_url         text           not null,
    referrer_url     text           not null,
    device_type      text           not null,
    browser_name     text           not null,
    operating_system text           not null,
    is_bot           boolean        not null,
    events           bigint         not null,
    sessions         bigint         not null,
    users            bigint         not null,
    value_sum        numeric(24, 4) not null,
    value_count      bigint         not null,
    primary key (tenant_id, bucket, event_type, page_url, referrer_url, device_type, browser_name, operating_system, is_bot)
);
select platform.isolate_tenant_rows('measurement.tracker_hourly');
comment on column measurement.tracker_hourly.sessions is 'distinct sessions within the hour and dimension values';

-- How far each rollup of each tenant is done.
create table measurement.rollup_watermarks (
    tenant_id  uuid        not null,
    rollup     text        not null check (rollup in ('hourly', 'daily')),
    done_until timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, rollup)
);
select platform.isolate_tenant_rows('measurement.rollup_watermarks');

create table measurement.daily_analytics (
    tenant_id     uuid           not null,
    id            uuid           not null,
    date_recorded date           not null,
    entity_type   text           not null check (length(entity_type) between 1 and 50),
    entity_id     uuid           not null,
    metric_name   text           not null check (length(metric_name) between 1 and 100),
    metric_value  numeric(15, 4) not null,
    created_at    timestamptz    not null,
    metadata      jsonb          not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    primary key (tenant_id, id),
    unique (tenant_id, date_recorded, entity_type, entity_id, metric_name)
);
select platform.isolate_tenant_rows('measurement.daily_analytics');

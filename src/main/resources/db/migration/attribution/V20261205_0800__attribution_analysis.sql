-- Per-campaign attribution settings, and what an analysis stores: each attributed conversion's path
-- (attribution_paths) and each campaign's day by model (attribution_analytics), written by a
-- background analysis job that reports its progress day by day.
create table attribution.campaign_settings (
    tenant_id               uuid        not null,
    campaign_id             uuid        not null,
    lookback_days           integer     not null default 30 check (lookback_days between 1 and 60),
    exclude_prior_customers boolean     not null default false,
    updated_at              timestamptz not null,
    primary key (tenant_id, campaign_id)
);
select platform.isolate_tenant_rows('attribution.campaign_settings');
comment on column attribution.campaign_settings.exclude_prior_customers is
    'a conversion whose visitor or household converted before the campaign started gets no credit from the campaign''s touches';

create table attribution.analysis_jobs (
    tenant_id     uuid        not null,
    id            uuid        not null,
    status        text        not null check (status in ('queued', 'running', 'succeeded', 'failed')),
    first_day     date        not null,
    last_day      date        not null,
    lookback_days integer     not null check (lookback_days between 1 and 60),
    total_days    integer     not null,
    done_days     integer     not null default 0,
    paths         bigint      not null default 0,
    error         text check (length(error) <= 2000),
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    primary key (tenant_id, id),
    check (last_day >= first_day)
);
select platform.isolate_tenant_rows('attribution.analysis_jobs');

create table attribution.paths (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    conversion_event_id uuid        not null,
    converted_at        timestamptz not null,
    campaign_id         uuid,
    listener_id         text        not null,
    touchpoints         jsonb       not null check (jsonb_typeof(touchpoints) = 'array'),
    value               numeric(14, 2) not null,
    primary key (tenant_id, id)
);
create unique index paths_conversion on attribution.paths (tenant_id, conversion_event_id);
create index paths_by_day on attribution.paths (tenant_id, converted_at);
create index paths_by_campaign on attribution.paths (tenant_id, campaign_id, converted_at);
select platform.isolate_tenant_rows('attribution.paths');
comment on column attribution.paths.listener_id is 'the key the conversion was matched by: v:<visitor key> or h:<household key, hex>';
comment on column attribution.paths.campaign_id is 'the campaign of the path''s last touch that has one';
comment on column attribution.paths.touchpoints is
    '[{at, channel, campaign_id, podcast_id, episode_id, sponsor_id, source}] in time order';

create table attribution.analytics (
    tenant_id     uuid        not null,
    id            uuid        not null,
    campaign_id   uuid        not null,
    analysis_date date        not null,
    metrics       jsonb       not null check (jsonb_typeof(metrics) = 'object'),
    computed_at   timestamptz not null,
    primary key (tenant_id, id)
);
create unique index analytics_day on attribution.analytics (tenant_id, campaign_id, analysis_date);
select platform.isolate_tenant_rows('attribution.analytics');
comment on column attribution.analytics.metrics is
    '{"cost": c, "models": {"<model name>": {"conversions", "revenue", "cpa", "roas"}}}: credit to the campaign that day';

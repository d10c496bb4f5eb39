-- Account metrics over time, one row per sync.
create table social.metrics_snapshots (
    tenant_id         uuid        not null,
    id                uuid        not null,
    social_account_id uuid        not null,
    captured_at       timestamptz not null,
    followers_count   bigint      not null default 0,
    following_count   bigint      not null default 0,
    posts_count       bigint      not null default 0,
    reach             bigint      not null default 0,
    impressions       bigint      not null default 0,
    engagement_count  bigint      not null default 0,
    profile_views     bigint      not null default 0,
    extra_data        jsonb       not null default '{}' check (jsonb_typeof(extra_data) = 'object'),
    primary key (tenant_id, id),
    foreign key (tenant_id, social_account_id) references social.social_accounts (tenant_id, id) on delete cascade
);
create index metrics_snapshots_by_account on social.metrics_snapshots (tenant_id, social_account_id, captured_at);
select platform.isolate_tenant_rows('social.metrics_snapshots');

-- What publishing produced (social_posts, linked to campaigns once they exist) and its measured
-- engagement; automations that act on inbound events, the consents X requires, and every run.
create table publishing.social_posts (
    tenant_id         uuid        not null,
    id                uuid        not null,
    social_account_id uuid        not null,
    campaign_id       uuid,
    post_id           uuid,
    post_variant_id   uuid,
    publish_job_id    uuid,
    post_content      text        not null default '',
    post_type         text        not null check (post_type in ('text', 'image', 'video', 'carousel')),
    external_post_id  text        not null check (length(external_post_id) between 1 and 255),
    scheduled_at      timestamptz,
    published_at      timestamptz not null,
    created_at        timestamptz not null,
    metadata          jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    primary key (tenant_id, id),
    unique (tenant_id, social_account_id, external_post_id),
    unique (tenant_id, publish_job_id),
    foreign key (tenant_id, social_account_id) references social.social_accounts (tenant_id, id),
    foreign key (tenant_id, post_id) references publishing.posts (tenant_id, id) on delete set null (post_id),
    foreign key (tenant_id, publish_job_id) references publishing.publish_jobs (tenant_id, id) on delete set null (publish_job_id)
);
comment on column publishing.social_posts.campaign_id is 'the campaign this post belongs to; a foreign key arrives with the campaigns module';
create index social_posts_by_time on publishing.social_posts (tenant_id, published_at desc);
select platform.isolate_tenant_rows('publishing.social_posts');

create table publishing.social_engagement (
    tenant_id        uuid        not null,
    id               uuid        not null,
    social_post_id   uuid        not null,
    engagement_type  text        not null check (engagement_type in ('like', 'comment', 'share', 'save', 'reach', 'impression')),
    engagement_count bigint      not null check (engagement_count >= 0),
    recorded_at      timestamptz not null,
    metadata         jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    primary key (tenant_id, id),
    foreign key (tenant_id, social_post_id) references publishing.social_posts (tenant_id, id) on delete cascade
);
create index social_engagement_by_post on publishing.social_engagement (tenant_id, social_post_id, engagement_type, recorded_at desc);
select platform.isolate_tenant_rows('publishing.social_engagement');

create table publishing.automations (
    tenant_id         uuid        not null references tenancy.tenants (id),
    id                uuid        not null,
    social_account_id uuid        not null,
    name              text        not null check (length(name) between 1 and 255),
    enabled           boolean     not null default true,
    trigger           jsonb       not null check (jsonb_typeof(trigger) = 'object'),
    actions           jsonb       not null check (jsonb_typeof(actions) = 'array'),
    consent_required  boolean     not null default false,
    created_by        uuid references identity.users (id),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, social_account_id) references social.social_accounts (tenant_id, id) on delete cascade
);
create index automations_by_enabled on publishing.automations (tenant_id, enabled, social_account_id);
select platform.isolate_tenant_rows('publishing.automations');

create table publishing.consents (
    tenant_id         uuid        not null,
    id                uuid        not null,
    social_account_id uuid        not null,
    automation_id     uuid        not null,
    granted_by        uuid references identity.users (id),
    granted_at        timestamptz not null,
    revoked_at        timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, social_account_id, automation_id),
    foreign key (tenant_id, social_account_id) references social.social_accounts (tenant_id, id) on delete cascade,
    foreign key (tenant_id, automation_id) references publishing.automations (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('publishing.consents');

create table publishing.automation_executions (
    tenant_id     uuid        not null,
    id            uuid        not null,
    automation_id uuid        not null,
    event_id      uuid        not null,
    status        text        not null check (status in ('succeeded', 'failed', 'skipped')),
    detail        text        not null default '',
    results       jsonb       not null default '[]' check (jsonb_typeof(results) = 'array'),
    executed_at   timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, automation_id, event_id),
    foreign key (tenant_id, automation_id) references publishing.automations (tenant_id, id) on delete cascade,
    foreign key (tenant_id, event_id) references publishing.events (tenant_id, id) on delete cascade
);
create index automation_executions_by_time on publishing.automation_executions (tenant_id, automation_id, executed_at desc);
select platform.isolate_tenant_rows('publishing.automation_executions');

-- Inbound events are handed to automations once; polling remembers how far it has read.
alter table publishing.events add column processed_at timestamptz;
create index events_unprocessed on publishing.events (tenant_id, received_at) where processed_at is null;

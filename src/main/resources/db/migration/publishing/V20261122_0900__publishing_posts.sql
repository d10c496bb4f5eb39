-- Posts and their per-platform variants, with the approval workflow
-- draft → approved → scheduled → published | failed, plus cancelled.
create schema if not exists publishing;
grant usage on schema publishing to ${app_role};
alter default privileges in schema publishing grant select, insert, update, delete on tables to ${app_role};

create table publishing.posts (
    tenant_id        uuid        not null references tenancy.tenants (id),
    id               uuid        not null,
    created_by       uuid        not null references identity.users (id),
    title            text check (length(title) <= 200),
    status           text        not null default 'draft'
                                 check (status in ('draft', 'approved', 'scheduled', 'published', 'failed', 'cancelled')),
    submitted_at     timestamptz,
    approved_by      uuid references identity.users (id),
    approved_at      timestamptz,
    rejection_reason text check (length(rejection_reason) <= 1000),
    scheduled_at     timestamptz,
    time_zone        text,
    published_at     timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0,
    primary key (tenant_id, id)
);
create index posts_by_status_time on publishing.posts (tenant_id, status, scheduled_at);
select platform.isolate_tenant_rows('publishing.posts');

create table publishing.post_variants (
    tenant_id         uuid        not null,
    id                uuid        not null,
    post_id           uuid        not null,
    social_account_id uuid        not null,
    platform          text        not null,
    text              text        not null default '',
    media_refs        jsonb       not null default '[]' check (jsonb_typeof(media_refs) = 'array'),
    metadata          jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    created_at        timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, post_id) references publishing.posts (tenant_id, id) on delete cascade,
    foreign key (tenant_id, social_account_id) references social.social_accounts (tenant_id, id)
);
create index post_variants_by_post on publishing.post_variants (tenant_id, post_id);
select platform.isolate_tenant_rows('publishing.post_variants');

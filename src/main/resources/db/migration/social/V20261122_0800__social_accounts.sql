-- Connected social accounts (the union of the three reference shapes) and their OAuth tokens,
-- which are stored encrypted (Tink AEAD bound to tenant and account) and never returned.
create table social.social_accounts (
    tenant_id            uuid        not null references tenancy.tenants (id),
    id                   uuid        not null,
    user_id              uuid        references identity.users (id),
    social_channel_id    uuid        not null references social.social_channels (id),
    platform             text        not null,
    handle               text        not null check (length(handle) between 1 and 255),
    account_display_name text check (length(account_display_name) <= 255),
    platform_user_id     text        not null check (length(platform_user_id) between 1 and 255),
    account_url          text check (length(account_url) <= 2048),
    follower_count       bigint check (follower_count >= 0),
    following_count      bigint check (following_count >= 0),
    is_verified          boolean     not null default false,
    status               text        not null default 'needs_review'
                                     check (status in ('active', 'needs_review', 'disconnected')),
    metadata             jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    last_sync_at         timestamptz,
    connected_at         timestamptz not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, platform, platform_user_id),
    unique (tenant_id, platform, handle)
);
select platform.isolate_tenant_rows('social.social_accounts');

create table social.oauth_tokens (
    tenant_id         uuid        not null,
    id                uuid        not null,
    social_account_id uuid        not null,
    access_token_enc  bytea       not null,
    refresh_token_enc bytea,
    scopes            text        not null default '',
    expires_at        timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, social_account_id),
    foreign key (tenant_id, social_account_id) references social.social_accounts (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('social.oauth_tokens');

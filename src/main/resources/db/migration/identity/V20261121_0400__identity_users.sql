-- Users are global identities (one person, many tenants); memberships put them in tenants.

create schema if not exists identity;
grant usage on schema identity to ${app_role};
alter default privileges in schema identity grant select, insert, update, delete on tables to ${app_role};

create table identity.users (
    id                     uuid primary key,
    email                  text        not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
    password_hash          text,
    email_verified         boolean     not null default false,
    email_verified_at      timestamptz,
    name                   text check (length(name) <= 200),
    first_name             text check (length(first_name) between 2 and 100),
    last_name              text check (length(last_name) between 2 and 100),
    username               text check (username ~ '^[A-Za-z0-9_.-]{2,64}$'),
    image_url              text check (length(image_url) <= 2048),
    role                   text        not null default 'user' check (role in ('super_admin', 'admin', 'user')),
    status                 text        not null default 'active' check (status in ('active', 'inactive', 'invited', 'suspended')),
    account_provider       text        not null default 'email' check (account_provider ~ '^[a-z0-9_-]{1,40}$'),
    external_id            text,
    clerk_id               text,
    public_metadata        jsonb       not null default '{}' check (jsonb_typeof(public_metadata) = 'object'),
    private_metadata       jsonb       not null default '{}' check (jsonb_typeof(private_metadata) = 'object'),
    unsafe_metadata        jsonb       not null default '{}' check (jsonb_typeof(unsafe_metadata) = 'object'),
    profile_data           jsonb       not null default '{}' check (jsonb_typeof(profile_data) = 'object'),
    mfa_enabled            boolean     not null default false,
    last_login_at          timestamptz,
    last_sign_in_at        timestamptz,
    registration_code      text check (length(registration_code) <= 100),
    promo_code             text check (length(promo_code) <= 100),
    stripe_customer_id     text,
    stripe_subscription_id text,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null
);
create unique index users_email_unique on identity.users (lower(email));
create unique index users_username_unique on identity.users (lower(username));
create unique index users_clerk_id_unique on identity.users (clerk_id);
comment on table identity.users is 'global: people; they join tenants through identity.memberships';

-- What a user is in a tenant: a role (system or custom) and a user type.
create table identity.memberships (
    tenant_id  uuid        not null references tenancy.tenants (id),
    id         uuid        not null,
    user_id    uuid        not null references identity.users (id),
    role       text        not null check (role ~ '^[a-z0-9_-]{1,64}$'),
    user_type  text        not null default 'member' check (user_type in ('brand', 'retailer', 'admin', 'member')),
    status     text        not null default 'active' check (status in ('active', 'suspended')),
    joined_at  timestamptz not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, user_id)
);
create index memberships_by_user on identity.memberships (user_id);
select platform.isolate_tenant_rows('identity.memberships');

-- A person may read their own memberships in every tenant (to sign in and to switch tenant),
-- and nothing else of tenants they are not working in.
create policy own_memberships on identity.memberships for select using (user_id = platform.current_user_id());

-- Single-use tokens sent by e-mail (verification, password reset), stored as SHA-256.
create table identity.user_tokens (
    id          uuid primary key,
    user_id     uuid        not null references identity.users (id),
    purpose     text        not null check (purpose in ('email_verification', 'password_reset')),
    token_hash  text        not null unique,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null
);
create index user_tokens_by_user on identity.user_tokens (user_id, purpose);
comment on table identity.user_tokens is 'global: e-mailed single-use tokens of a user, found by their hash';

-- Opaque refresh tokens, stored as SHA-256, single use: each refresh replaces the token with
-- the next of its family; presenting a used one revokes the family.
create table identity.refresh_tokens (
    id          uuid primary key,
    family_id   uuid        not null,
    user_id     uuid        not null references identity.users (id),
    tenant_id   uuid        not null references tenancy.tenants (id),
    token_hash  text        not null unique,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz not null
);
create index refresh_tokens_by_family on identity.refresh_tokens (family_id);
comment on table identity.refresh_tokens is 'global: sign-in sessions, found by token hash before a tenant is known';

-- Key-value data per user, as the identity provider's sync keeps it.
create table identity.user_data (
    id         uuid primary key,
    user_id    uuid        not null references identity.users (id),
    key        text        not null check (length(key) between 1 and 200),
    value      text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (user_id, key)
);
comment on table identity.user_data is 'global: per-user key-value data';

create table identity.user_email_preferences (
    user_id          uuid primary key references identity.users (id),
    marketing_emails boolean     not null default false,
    product_updates  boolean     not null default true,
    security_alerts  boolean     not null default true,
    updated_at       timestamptz not null
);
comment on table identity.user_email_preferences is 'global: what mail a user wants';

create table identity.user_metrics (
    user_id      uuid             not null references identity.users (id),
    metric_name  text             not null check (length(metric_name) between 1 and 100),
    metric_value double precision not null,
    metric_data  jsonb            not null default '{}',
    updated_at   timestamptz      not null,
    primary key (user_id, metric_name)
);
comment on table identity.user_metrics is 'global: per-user counters';

-- Where the HMAC key that signs access tokens lives when none is configured: made once, shared
-- by every node.
create table identity.signing_keys (
    id         text primary key,
    secret     bytea       not null,
    created_at timestamptz not null
);
comment on table identity.signing_keys is 'global: access-token signing keys';

-- Tenants (a.k.a. workspaces, organisations) and their settings, quotas and white label.

create schema if not exists tenancy;
grant usage on schema tenancy to ${app_role};
alter default privileges in schema tenancy grant select, insert, update, delete on tables to ${app_role};

create table tenancy.tenants (
    id                uuid primary key,
    name              text        not null check (length(name) between 1 and 200),
    slug              text        not null unique check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    status            text        not null check (status in ('active', 'suspended')),
    owner_id          uuid,
    suspended_at      timestamptz,
    suspension_reason text check (length(suspension_reason) <= 1000),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null,
    check ((status = 'suspended') = (suspended_at is not null))
);
create index tenants_owner_id on tenancy.tenants (owner_id);
comment on table tenancy.tenants is 'global: the tenant registry; each row is the root of one tenant''s data';
comment on column tenancy.tenants.owner_id is 'workspaces.owner_id: the user who owns the workspace (identity.users)';

create table tenancy.tenant_settings (
    tenant_id  uuid primary key references tenancy.tenants (id),
    settings   jsonb       not null default '{}' check (jsonb_typeof(settings) = 'object'),
    created_at timestamptz not null,
    updated_at timestamptz not null
);
select platform.isolate_tenant_rows('tenancy.tenant_settings');

-- A null limit means unlimited.
create table tenancy.tenant_quotas (
    tenant_id                  uuid primary key references tenancy.tenants (id),
    max_users                  integer check (max_users >= 0),
    max_podcasts               integer check (max_podcasts >= 0),
    max_campaigns              integer check (max_campaigns >= 0),
    max_social_accounts        integer check (max_social_accounts >= 0),
    max_storage_bytes          bigint  check (max_storage_bytes >= 0),
    max_monthly_emails         bigint  check (max_monthly_emails >= 0),
    max_monthly_sms            bigint  check (max_monthly_sms >= 0),
    max_monthly_events         bigint  check (max_monthly_events >= 0),
    max_monthly_ai_tokens      bigint  check (max_monthly_ai_tokens >= 0),
    max_api_requests_per_minute integer check (max_api_requests_per_minute >= 0),
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null
);
select platform.isolate_tenant_rows('tenancy.tenant_quotas');

create table tenancy.white_label_settings (
    tenant_id     uuid primary key references tenancy.tenants (id),
    brand_name    text check (length(brand_name) <= 200),
    logo_url      text check (length(logo_url) <= 2048),
    primary_color text check (primary_color ~ '^#[0-9a-fA-F]{6}$'),
    custom_domain text check (length(custom_domain) <= 253),
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
select platform.isolate_tenant_rows('tenancy.white_label_settings');

-- Which tenant answers on a custom domain. Global, so a domain belongs to one tenant only
-- (a unique constraint inside a tenant table could not say that; see docs/scale-out.md).
create table tenancy.custom_domains (
    domain     text primary key check (domain ~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$'),
    tenant_id  uuid        not null unique references tenancy.tenants (id),
    created_at timestamptz not null
);
comment on table tenancy.custom_domains is 'global: routes a custom domain to its tenant';

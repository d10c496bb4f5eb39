-- Which tenants a platform account belongs to, so an inbound platform event (which names only
-- the platform's account id) can be filed under each of them. Global, like a routing table.
create table social.account_routes (
    platform          text not null,
    platform_user_id  text not null,
    tenant_id         uuid not null references tenancy.tenants (id),
    social_account_id uuid not null,
    primary key (platform, platform_user_id, tenant_id)
);
comment on table social.account_routes is 'global: routes a platform account id to the tenants that connected it';

-- Raw inbound platform events (webhooks, polling), de-duplicated by the platform's own id.
create table publishing.events (
    tenant_id         uuid        not null references tenancy.tenants (id),
    id                uuid        not null,
    platform          text        not null,
    type              text        not null check (length(type) between 1 and 64),
    payload           jsonb       not null,
    external_id       text        not null,
    social_account_id uuid,
    received_at       timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, platform, external_id)
);
create index events_by_type on publishing.events (tenant_id, type, received_at desc);
select platform.isolate_tenant_rows('publishing.events');

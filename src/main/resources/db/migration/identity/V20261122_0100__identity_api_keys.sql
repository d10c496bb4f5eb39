-- API keys: a tenant's long-lived credentials for scripts and integrations. The secret is
-- shown once; only its SHA-256 is kept, with a short visible prefix to tell keys apart.
create table identity.api_keys (
    tenant_id    uuid        not null references tenancy.tenants (id),
    id           uuid        not null,
    user_id      uuid        not null references identity.users (id),
    name         text        not null check (length(name) between 1 and 200),
    key_prefix   text        not null,
    key_hash     text        not null,
    scopes       text[]      not null check (cardinality(scopes) between 1 and 50),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, key_hash)
);
select platform.isolate_tenant_rows('identity.api_keys');

-- Public site keys: what a web page embeds to send tracker events from browsers. A key only
-- writes events of its tenant, and only from the origins it allows; it is not a secret.
create table measurement.site_keys (
    tenant_id       uuid        not null,
    id              uuid        not null,
    key             text        not null check (length(key) between 20 and 100),
    name            text        not null check (length(name) between 1 and 200),
    allowed_origins text[]      not null check (cardinality(allowed_origins) between 1 and 50),
    created_by      uuid,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    revoked_at      timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, key)
);
select platform.isolate_tenant_rows('measurement.site_keys');
comment on column measurement.site_keys.allowed_origins is 'origins (scheme://host[:port], host may start with *.) whose pages may send with this key';

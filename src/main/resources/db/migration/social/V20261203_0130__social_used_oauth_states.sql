-- OAuth connect states are single-use: the SHA-256 of each used state's id is kept until the
-- state would have expired anyway, so a second callback with the same state is refused.
create table social.used_oauth_states (
    tenant_id  uuid        not null,
    state_hash text        not null check (length(state_hash) = 64),
    used_at    timestamptz not null,
    expires_at timestamptz not null,
    primary key (tenant_id, state_hash)
);
create index used_oauth_states_by_expiry on social.used_oauth_states (tenant_id, expires_at);
select platform.isolate_tenant_rows('social.used_oauth_states');

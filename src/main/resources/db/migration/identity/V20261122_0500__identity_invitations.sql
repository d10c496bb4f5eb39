-- Invitations to join a workspace with a role. The token (mailed once) names its tenant, so it
-- can be found under row-level security; only its SHA-256 is kept.
create table identity.invitations (
    tenant_id   uuid        not null references tenancy.tenants (id),
    id          uuid        not null,
    email       text        not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
    role        text        not null check (role ~ '^[a-z0-9_-]{1,64}$'),
    user_type   text        not null default 'member' check (user_type in ('brand', 'retailer', 'admin', 'member')),
    token_hash  text        not null,
    invited_by  uuid references identity.users (id),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    accepted_by uuid references identity.users (id),
    revoked_at  timestamptz,
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, token_hash)
);
select platform.isolate_tenant_rows('identity.invitations');

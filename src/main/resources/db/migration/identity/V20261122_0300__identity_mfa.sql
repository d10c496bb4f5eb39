-- Time-based one-time passwords (RFC 6238). The secret is stored encrypted (Tink AEAD, bound
-- to the user id); last_used_step stops a code from being used twice.
create table identity.mfa_factors (
    user_id           uuid primary key references identity.users (id),
    secret_ciphertext bytea       not null,
    confirmed_at      timestamptz,
    last_used_step    bigint,
    created_at        timestamptz not null
);
comment on table identity.mfa_factors is 'global: a user''s TOTP factor';

-- Recovery codes: shown once when MFA is confirmed, stored as SHA-256, each usable once.
create table identity.mfa_recovery_codes (
    id         uuid primary key,
    user_id    uuid        not null references identity.users (id),
    code_hash  text        not null unique,
    used_at    timestamptz,
    created_at timestamptz not null
);
create index mfa_recovery_codes_by_user on identity.mfa_recovery_codes (user_id);
comment on table identity.mfa_recovery_codes is 'global: single-use MFA recovery codes';

-- The second step of a sign-in: a short-lived challenge that a TOTP or recovery code completes.
create table identity.mfa_challenges (
    id             uuid primary key,
    user_id        uuid        not null references identity.users (id),
    tenant_id      uuid        not null references tenancy.tenants (id),
    challenge_hash text        not null unique,
    attempts       integer     not null default 0,
    expires_at     timestamptz not null,
    completed_at   timestamptz,
    created_at     timestamptz not null
);
comment on table identity.mfa_challenges is 'global: pending second steps of sign-ins';

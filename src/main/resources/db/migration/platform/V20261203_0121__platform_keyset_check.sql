-- The check value that makes every node use one Tink keyset: a known text sealed by the first node
-- to start. A node whose keyset cannot open it refuses to start (see platform.crypto.KeysetCheck).
create table platform.keyset_checks (
    id             text        primary key check (id = 'keyset'),
    check_value    bytea       not null,
    primary_key_id bigint      not null,
    created_at     timestamptz not null,
    sealed_at      timestamptz not null
);
comment on table platform.keyset_checks is 'global: the check value of the encryption keyset every node must share';

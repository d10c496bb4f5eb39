-- Sign-in through an OpenID Connect provider finds its user by (provider, subject), never by
-- e-mail address: a row here is made only with the user's consent (a new account made by that
-- sign-in, a signed-in user linking it, or the user following a mailed confirmation), and a link
-- to one provider lets nobody in through another.
create table identity.external_identities (
    provider  text        not null check (provider ~ '^[a-z0-9_-]{1,40}$'),
    subject   text        not null check (length(subject) between 1 and 255),
    user_id   uuid        not null references identity.users (id),
    linked_at timestamptz not null,
    primary key (provider, subject)
);
create index external_identities_by_user on identity.external_identities (user_id);
comment on table identity.external_identities is 'global: sign-in identities at identity providers, per provider and subject';

-- A link waiting for consent: mailed to the user (the provider's subject known), or started by the
-- signed-in user (the subject learnt when they come back from the provider). Single use, SHA-256.
create table identity.identity_link_requests (
    id         uuid primary key,
    user_id    uuid        not null references identity.users (id),
    provider   text        not null check (provider ~ '^[a-z0-9_-]{1,40}$'),
    subject    text check (length(subject) between 1 and 255),
    token_hash text        not null unique,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null
);
create index identity_link_requests_by_user on identity.identity_link_requests (user_id);
comment on table identity.identity_link_requests is 'global: links of provider identities waiting for their user''s consent';

-- Users the provider sign-in created before this table existed keep signing in as themselves;
-- accounts it linked by address alone must be confirmed again.
insert into identity.external_identities (provider, subject, user_id, linked_at)
select account_provider, external_id, id, created_at from identity.users
where account_provider not in ('email', 'clerk') and external_id is not null and length(external_id) <= 255
on conflict do nothing;

-- The installation's connections a platform admin sets in the console or the admin API: each social
-- platform's app credentials, the SMTP server, the SMS provider. Read at each use, so a change needs
-- no restart; settings from the environment still win. Secret fields are sealed with the platform
-- keyset (AES-256-GCM, bound to the row by its kind) and never shown again.
create schema if not exists installation;
grant usage on schema installation to ${app_role};
alter default privileges in schema installation grant select, insert, update, delete on tables to ${app_role};

create table installation.connections (
    kind       text        primary key check (kind in ('smtp', 'sms', 'social:facebook', 'social:instagram',
                   'social:linkedin', 'social:threads', 'social:tiktok', 'social:x', 'social:youtube')),
    settings   jsonb       not null check (jsonb_typeof(settings) = 'object'),
    secrets    bytea,
    updated_at timestamptz not null,
    updated_by uuid
);
comment on table installation.connections is 'global: the installation''s connection settings (secret fields sealed), set by platform admins';
comment on column installation.connections.settings is 'the connection''s fields that are not secret';
comment on column installation.connections.secrets is 'the secret fields as a JSON object, sealed (associated data installation.connections:<kind>)';
comment on column installation.connections.updated_by is 'the platform admin (identity.users.id) who set it; null for the admin token';

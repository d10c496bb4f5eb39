-- Visitor sessions (reference model 004), kept as events arrive: a session is the events with
-- one session id that are no more than 30 minutes apart. Devices (004) are a reference table of
-- the user agents seen.
create table measurement.sessions (
    tenant_id     uuid        not null,
    id            uuid        not null,
    session_key   text        not null check (length(session_key) between 1 and 255),
    user_id       text,
    started_at    timestamptz not null,
    ended_at      timestamptz not null,
    events        bigint      not null check (events > 0),
    ip_address    text,
    user_agent    text,
    device_info   jsonb       not null default '{}' check (jsonb_typeof(device_info) = 'object'),
    location_data jsonb       not null default '{}' check (jsonb_typeof(location_data) = 'object'),
    is_bot        boolean     not null default false,
    primary key (tenant_id, id)
);
create index sessions_by_key on measurement.sessions (tenant_id, session_key, ended_at desc);
create index sessions_by_start on measurement.sessions (tenant_id, started_at);
select platform.isolate_tenant_rows('measurement.sessions');
comment on column measurement.sessions.session_key is 'the session id the events carry';
comment on column measurement.sessions.ended_at is 'the time of its last event so far';

create table measurement.devices (
    id                uuid primary key,
    user_agent_hash   text        not null,
    device_type       text,
    device_brand      text,
    device_model      text,
    operating_system  text,
    browser           text,
    screen_resolution text        not null default '',
    user_agent        text        not null,
    created_at        timestamptz not null,
    unique (user_agent_hash, screen_resolution)
);
comment on table measurement.devices is 'global: the devices (user agents and screens) seen, first seen at created_at';
grant select, insert on measurement.devices to ${app_role};

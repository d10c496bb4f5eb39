-- Append-only records: what changed (audit_logs), what threatened (security_events), and
-- what was refused (access_logs). The runtime role may read and insert, never change or delete,
-- and a trigger rejects UPDATE and DELETE even for the owner.

create schema if not exists audit;
grant usage on schema audit to ${app_role};

create function audit.reject_change() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit records are append-only: % on %.% is not allowed', tg_op, tg_table_schema, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

-- The union of the reference models' three audit shapes: actor, action, resource or entity,
-- table and record, old/new values and the changes between them, where and when.
create table audit.audit_logs (
    tenant_id      uuid        not null,
    id             uuid        not null,
    user_id        uuid,
    actor_type     text        not null check (actor_type in ('user', 'platform_admin', 'api_key', 'system', 'identity_provider')),
    action         text        not null check (length(action) between 1 and 100),
    resource_type  text        not null check (length(resource_type) between 1 and 100),
    resource_id    text,
    table_name     text,
    record_id      text,
    old_values     jsonb,
    new_values     jsonb,
    changes        jsonb,
    ip_address     inet,
    user_agent     text,
    occurred_at    timestamptz not null,
    primary key (tenant_id, id)
);
create index audit_logs_by_time on audit.audit_logs (tenant_id, occurred_at desc);
create index audit_logs_by_resource on audit.audit_logs (tenant_id, resource_type, resource_id);
select platform.isolate_tenant_rows('audit.audit_logs');

create table audit.security_events (
    tenant_id   uuid        not null,
    id          uuid        not null,
    user_id     uuid,
    event_type  text        not null check (length(event_type) between 1 and 100),
    severity    text        not null check (severity in ('info', 'low', 'medium', 'high', 'critical')),
    details     jsonb       not null default '{}',
    ip_address  inet,
    user_agent  text,
    occurred_at timestamptz not null,
    primary key (tenant_id, id)
);
create index security_events_by_time on audit.security_events (tenant_id, occurred_at desc);
select platform.isolate_tenant_rows('audit.security_events');

create table audit.access_logs (
    tenant_id     uuid        not null,
    id            uuid        not null,
    user_id       uuid,
    resource_type text        not null,
    resource_id   text,
    action        text        not null,
    allowed       boolean     not null,
    reason        text,
    ip_address    inet,
    user_agent    text,
    occurred_at   timestamptz not null,
    primary key (tenant_id, id)
);
create index access_logs_by_time on audit.access_logs (tenant_id, occurred_at desc);
select platform.isolate_tenant_rows('audit.access_logs');

create trigger audit_logs_append_only before update or delete on audit.audit_logs
    for each row execute function audit.reject_change();
create trigger security_events_append_only before update or delete on audit.security_events
    for each row execute function audit.reject_change();
create trigger access_logs_append_only before update or delete on audit.access_logs
    for each row execute function audit.reject_change();

grant select, insert on audit.audit_logs, audit.security_events, audit.access_logs to ${app_role};

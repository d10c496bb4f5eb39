-- The shared kernel: tenant context for row-level security, idempotency records,
-- the scheduler's and module events' tables, and the platform-admin credential.

grant usage on schema platform to ${app_role};
alter default privileges in schema platform grant select, insert, update, delete on tables to ${app_role};

-- The tenant of the current transaction, set by the application with
-- set_config('app.tenant_id', <uuid>, true). Unset (or reset to '') means no tenant: no rows.
create function platform.current_tenant_id() returns uuid
    language sql stable parallel safe
as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- The user the current transaction acts for (app.user_id), for the few policies that let a
-- person see their own rows across tenants (their memberships, say).
create function platform.current_user_id() returns uuid
    language sql stable parallel safe
as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;

-- Puts a tenant table under row-level security: enabled, forced (the owner too), and one
-- policy that shows and accepts only rows of the current tenant. Every module calls this for
-- each tenant table; the catalog-rule test fails on any tenant table that skipped it.
create function platform.isolate_tenant_rows(target regclass) returns void
    language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy tenant_isolation on %s using (tenant_id = platform.current_tenant_id())'
                   ' with check (tenant_id = platform.current_tenant_id())', target);
end
$$;
revoke execute on function platform.isolate_tenant_rows(regclass) from public;

-- Idempotency-Key records: the first response to a POST, replayed for 24 hours to the same
-- principal. Platform-admin requests are kept under the nil tenant id. An in-progress claim
-- is a lease: a request that died holding it frees the key when the lease runs out.
create table platform.idempotency_keys (
    tenant_id           uuid        not null,
    principal           text        not null check (length(principal) between 1 and 255),
    idempotency_key     text        not null check (length(idempotency_key) between 1 and 255),
    request_fingerprint text        not null,
    state               text        not null check (state in ('in_progress', 'completed')),
    response_status     integer,
    response_headers    jsonb,
    response_body       bytea,
    created_at          timestamptz not null,
    lease_expires_at    timestamptz not null,
    completed_at        timestamptz,
    primary key (tenant_id, principal, idempotency_key)
);
create index idempotency_keys_created_at on platform.idempotency_keys (created_at);
select platform.isolate_tenant_rows('platform.idempotency_keys');

-- The platform administrator's bearer token (SHA-256 of it), until identity brings users.
create table platform.admin_tokens (
    id          uuid primary key,
    token_hash  text        not null unique,
    source      text        not null check (source in ('configured', 'generated')),
    created_at  timestamptz not null,
    revoked_at  timestamptz
);
comment on table platform.admin_tokens is 'global: platform-administrator credentials';

-- db-scheduler's task table (the layout its PostgreSQL dialect expects).
create table platform.scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on platform.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on platform.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on platform.scheduled_tasks (priority desc, execution_time asc);
comment on table platform.scheduled_tasks is 'global: db-scheduler tasks of every tenant; a task names its tenant in its data';

-- Spring Modulith's event publication registry (its v2 layout).
create table platform.event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash on platform.event_publication using hash (serialized_event);
create index event_publication_by_completion_date on platform.event_publication (completion_date);
comment on table platform.event_publication is 'global: the transactional outbox between modules; events carry their tenant';

comment on table platform.flyway_schema_history is 'global: Flyway''s record of applied migrations';

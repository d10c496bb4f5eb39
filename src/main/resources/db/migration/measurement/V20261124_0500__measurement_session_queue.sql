-- Newly stored events wait here (in the writer's transaction) until the sessionizer folds them
-- into sessions in bulk, off the path that acknowledges a batch.
create table measurement.session_queue (
    tenant_id        uuid        not null,
    id               bigint generated always as identity,
    session_id       text        not null,
    user_id          text,
    created_at       timestamptz not null,
    ip_address       text,
    user_agent       text,
    device_type      text,
    browser_name     text,
    operating_system text,
    country          text,
    region           text,
    city             text,
    is_bot           boolean     not null,
    primary key (tenant_id, id)
);
select platform.isolate_tenant_rows('measurement.session_queue');

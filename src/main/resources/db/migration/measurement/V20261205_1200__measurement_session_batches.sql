-- Newly stored events wait for the sessionizer as one row per stored batch (the session fields of
-- its events as one array) instead of one row per event: the writer no longer writes every event
-- twice, and the sessionizer deletes one row per batch instead of one per event.
create type measurement.queued_event as (
    site_id          uuid,
    session_id       text,
    user_id          text,
    created_at       timestamptz,
    ip_address       text,
    user_agent       text,
    device_type      text,
    browser_name     text,
    operating_system text,
    country          text,
    region           text,
    city             text,
    is_bot           boolean
);

create table measurement.session_batches (
    tenant_id   uuid    not null,
    id          bigint generated always as identity,
    event_count integer not null check (event_count > 0),
    events      measurement.queued_event[] not null,
    primary key (tenant_id, id)
);
-- kept out of line but not compressed: written once, read once, deleted; compressing costs more CPU than it saves
alter table measurement.session_batches alter column events set storage external;

-- Events still queued the old way move over as one batch per workspace (forced row security lifted
-- for this transaction only, so every tenant's rows are seen).
alter table measurement.session_queue no force row level security;
insert into measurement.session_batches (tenant_id, event_count, events)
select tenant_id, count(*), array_agg(row(site_id, session_id, user_id, created_at, ip_address, user_agent, device_type,
        browser_name, operating_system, country, region, city, is_bot)::measurement.queued_event order by id)
from measurement.session_queue group by tenant_id;
drop table measurement.session_queue;

select platform.isolate_tenant_rows('measurement.session_batches');

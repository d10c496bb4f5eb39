-- Reach's own channel engagement (e-mail opens and clicks, human and machine) is kept apart
-- from a site's traffic: site analytics (rollups, sessions, top pages) never read it; campaign
-- analytics count it from here.
create table measurement.engagements (
    tenant_id  uuid        not null,
    id         uuid        not null,
    event_type text        not null check (length(event_type) between 1 and 100),
    page       text        not null check (length(page) between 1 and 2000),
    session_id text        not null check (length(session_id) between 1 and 255),
    label      text        check (length(label) <= 2000),
    machine    boolean     not null,
    created_at timestamptz not null,
    primary key (tenant_id, id)
);
create index engagements_by_type on measurement.engagements (tenant_id, event_type, created_at);

-- The engagement events stored as tracker events until now move here; the sessions they made
-- go, and their hours (inside the late window) are recounted by the next rollup run. Every
-- tenant's rows: forced row security is lifted for this transaction only.
alter table measurement.trackers no force row level security;
alter table measurement.sessions no force row level security;
alter table measurement.rollup_dirty no force row level security;
with moved as (
    delete from measurement.trackers
    where event_category = 'engagement' and event_type in ('email_open', 'email_click')
    returning tenant_id, id, event_type, page_url, session_id, event_label, is_bot, created_at),
kept as (
    insert into measurement.engagements (tenant_id, id, event_type, page, session_id, label, machine, created_at)
    select tenant_id, id, event_type, left(coalesce(page_url, '-'), 2000), left(coalesce(session_id, '-'), 255),
           left(event_label, 2000), is_bot, created_at
    from moved
    on conflict do nothing),
dirty as (
    insert into measurement.rollup_dirty (tenant_id, hour)
    select distinct tenant_id, date_trunc('hour', created_at, 'UTC') from moved
    where created_at >= now() - interval '8 days'
    on conflict do nothing)
delete from measurement.sessions s
using (select distinct tenant_id, session_id from moved where session_id is not null) m
where s.tenant_id = m.tenant_id and s.session_key = m.session_id;
alter table measurement.trackers force row level security;
alter table measurement.sessions force row level security;
alter table measurement.rollup_dirty force row level security;

select platform.isolate_tenant_rows('measurement.engagements');

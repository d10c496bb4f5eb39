-- Rollup rebuilds run in the background (db-scheduler task rollup-rebuild), one day per
-- transaction; each day done is counted in the same transaction, so the progress read through
-- the API is exact and a run picked up again after a node died resumes where it stopped.
-- One rebuild at a time per tenant.
create table measurement.rollup_rebuilds (
    tenant_id    uuid        not null,
    id           uuid        not null,
    from_day     date        not null,
    to_day       date        not null,
    days_total   integer     not null check (days_total between 1 and 400),
    days_done    integer     not null default 0 check (days_done between 0 and days_total),
    rows_written bigint      not null default 0,
    status       text        not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
    error        text check (length(error) <= 500),
    created_at   timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    updated_at   timestamptz not null,
    primary key (tenant_id, id),
    check (from_day < to_day)
);
create unique index rollup_rebuilds_one_active on measurement.rollup_rebuilds (tenant_id) where status in ('queued', 'running');
select platform.isolate_tenant_rows('measurement.rollup_rebuilds');

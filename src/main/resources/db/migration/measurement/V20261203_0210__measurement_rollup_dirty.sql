-- The UTC hours that received events and are not counted in the rollups yet: the writer upserts
-- the distinct hours of a batch's new events in the statement that stores them (same
-- transaction), and the rollup job recounts exactly those hours (and the local days they touch),
-- whatever their age inside the late window. A batch bumps `changes`, so a job removes an hour it
-- counted only if no batch touched it meanwhile (the batch's row lock holds the job's delete until
-- the batch commits).
create table measurement.rollup_dirty (
    tenant_id uuid        not null,
    hour      timestamptz not null,
    changes   bigint      not null default 1,
    primary key (tenant_id, hour)
);

-- Events stored before the queue existed, inside the late window, are recounted once (the
-- lookbacks that came before may have missed them). Every tenant's rows: the migration lifts
-- the forced row security of trackers for this transaction only.
alter table measurement.trackers no force row level security;
insert into measurement.rollup_dirty (tenant_id, hour)
select distinct tenant_id, date_trunc('hour', created_at, 'UTC')
from measurement.trackers
where created_at >= now() - interval '8 days';
alter table measurement.trackers force row level security;

select platform.isolate_tenant_rows('measurement.rollup_dirty');

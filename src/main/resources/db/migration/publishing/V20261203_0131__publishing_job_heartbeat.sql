-- A running publish job's runner beats while it waits or uploads; the sweep takes back only jobs
-- whose beat stopped (their node died), never one that is merely slow.
alter table publishing.publish_jobs add column heartbeat_at timestamptz;
comment on column publishing.publish_jobs.heartbeat_at is 'last sign of life of the runner holding the job (status running)';

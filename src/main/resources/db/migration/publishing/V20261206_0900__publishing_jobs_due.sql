-- A tenant's due run claims its jobs due by now, the longest due first, and then looks for when the next
-- one falls due: both read the open jobs in order of next_attempt_at. Only open jobs are in the index, so
-- it stays the size of what is waiting, not of the tenant's history.
create index publish_jobs_due on publishing.publish_jobs (tenant_id, next_attempt_at)
    where status in ('pending', 'retry');

-- A post's jobs are read whenever one of them ends (to settle the post), when the post is cancelled or
-- edited, and when it is deleted (the cascade): without this index each of those read every job the
-- workspace ever had (0.5 ms per settled job in the dispatch bench, growing with the workspace's history).
create index publish_jobs_by_post on publishing.publish_jobs (tenant_id, post_id);

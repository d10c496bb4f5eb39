-- Deleting a variant (editing a post's variants, or deleting the post) cascades to its publish jobs through
-- (tenant_id, post_variant_id): without an index each deleted variant read every job the workspace ever had.
create index publish_jobs_by_variant on publishing.publish_jobs (tenant_id, post_variant_id);

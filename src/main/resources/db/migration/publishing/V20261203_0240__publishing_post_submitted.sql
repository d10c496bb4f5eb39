-- A post waiting for approval has its own status, so approvers can list what waits for them:
-- draft → submitted → approved (or back to draft with a reason) → scheduled → published | failed, plus cancelled.
alter table publishing.posts drop constraint posts_status_check;
update publishing.posts set status = 'submitted' where status = 'draft' and submitted_at is not null;
alter table publishing.posts add constraint posts_status_check
    check (status in ('draft', 'submitted', 'approved', 'scheduled', 'published', 'failed', 'cancelled'));

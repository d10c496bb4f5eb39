-- A send row changes status twice while it is sent (queued to sending, sending to sent), and later as it is
-- delivered, opened or clicked. With status in an index (email_sends_queued's predicate, email_sends_by_status)
-- none of these could be a heap-only (HOT) update: each wrote a new entry into every index of the table and
-- put the new row version on another page. Now no index holds the status, and each page keeps 70 % of its
-- room for new versions, so the changes stay on the row's page and write no index entry (99.7 % of the
-- updates in bench/email/run; at fillfactor 50, 81 %, and the rest cost more than all the HOT ones saved).
-- Claims find the queued rows through email_sends_by_campaign from where the run's last claim ended;
-- counts by status read the campaign's rows.
drop index campaigns.email_sends_queued;
drop index campaigns.email_sends_by_status;
create index email_sends_by_campaign on campaigns.email_sends (tenant_id, email_campaign_id, id);
alter table campaigns.email_sends set (fillfactor = 30);

-- The e-mail claim's index holds only the rows still to claim. With 'sending' in it too, claiming a row
-- (queued to sending) wrote one more index entry, and every claim stepped over the rows the other workers
-- held mid-send. The rows mid-send are found through email_sends_by_status (a run's start looks for them
-- once). sms_sends keeps both states in its index: it has no index by status to find the rows mid-send.
drop index campaigns.email_sends_queued;
create index email_sends_queued on campaigns.email_sends (tenant_id, email_campaign_id, id) where status = 'queued';

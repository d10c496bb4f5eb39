-- Mail bodies carry one-time links (e-mail verification, password reset, invitation). From now on
-- a body is kept sealed with the Tink keyset (body_sealed, bound to the row id) and removed once the
-- mail is sent or given up. The clear body column stays only for mails queued before this migration
-- that are still pending; every other clear body is removed now.
alter table platform.mail_outbox add column body_sealed bytea;
alter table platform.mail_outbox alter column body drop not null;
update platform.mail_outbox set body = null where status <> 'pending';
alter table platform.mail_outbox add constraint mail_outbox_no_clear_body
    check (body is null or (status = 'pending' and body_sealed is null));
comment on column platform.mail_outbox.body is 'legacy: the clear body of a mail queued before bodies were sealed, until it is sent';
comment on column platform.mail_outbox.body_sealed is 'the body, Tink AEAD with associated data platform.mail_outbox.body:<id>; null once sent or failed';

-- Every e-mail Reach sends goes through this outbox: delivered over SMTP when configured,
-- otherwise kept (and logged) so nothing is lost.
create table platform.mail_outbox (
    id            uuid primary key,
    recipient     text        not null,
    subject       text        not null,
    body          text        not null,
    status        text        not null check (status in ('pending', 'sent', 'kept', 'failed')),
    attempts      integer     not null default 0,
    last_error    text,
    created_at    timestamptz not null,
    sent_at       timestamptz
);
create index mail_outbox_pending on platform.mail_outbox (created_at) where status = 'pending';
comment on table platform.mail_outbox is 'global: outgoing e-mail (sign-up, reset and invitation mails precede any tenant)';

-- Inbound STOP/START replies, one row per Twilio MessageSid: a callback seen once is never
-- applied again, so a replayed START cannot lift a later STOP. Replies of one number are applied
-- one at a time in the order Reach receives them (Twilio's inbound callbacks carry no send time).
create table campaigns.sms_keyword_replies (
    tenant_id   uuid        not null references tenancy.tenants (id),
    message_sid text        not null check (length(message_sid) between 1 and 64),
    phone       text        not null check (length(phone) between 3 and 32),
    keyword     text        not null check (keyword in ('stop', 'start')),
    received_at timestamptz not null,
    primary key (tenant_id, message_sid)
);
create index sms_keyword_replies_by_phone on campaigns.sms_keyword_replies (tenant_id, phone, received_at);
select platform.isolate_tenant_rows('campaigns.sms_keyword_replies');

-- Webhook deliveries already processed, by their delivery id (Svix's svix-id): a replay is
-- acknowledged and ignored. Kept for 7 days, well past the 5-minute signature tolerance.
create table identity.webhook_deliveries (
    delivery_id text primary key check (length(delivery_id) between 1 and 255),
    source      text        not null,
    event_type  text,
    received_at timestamptz not null
);
comment on table identity.webhook_deliveries is 'global: identity-provider webhook deliveries, for replay detection';

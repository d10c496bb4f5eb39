-- Attribution: the touches and conversions of a workspace in one stream, and the models that share
-- each conversion among the touches before it.
create schema if not exists attribution;
grant usage on schema attribution to ${app_role};
alter default privileges in schema attribution grant select, insert, update, delete on tables to ${app_role};

insert into identity.permissions (id, resource_type, action, description)
values (gen_random_uuid(), 'attribution', 'read', 'Attribution: read'),
       (gen_random_uuid(), 'attribution', 'write', 'Attribution: write')
on conflict (resource_type, action) do nothing;

-- A workspace's models: the seven kinds with their parameters; the defaults are made on first use.
create table attribution.models (
    tenant_id     uuid        not null references tenancy.tenants (id),
    id            uuid        not null,
    name          text        not null check (length(name) between 1 and 100),
    model_type    text        not null check (model_type in ('first_touch', 'last_touch', 'linear', 'position_based',
                                                             'time_decay', 'markov', 'shapley')),
    configuration jsonb       not null default '{}' check (jsonb_typeof(configuration) = 'object'),
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (tenant_id, id)
);
create unique index models_name on attribution.models (tenant_id, lower(name));
select platform.isolate_tenant_rows('attribution.models');
comment on table attribution.models is 'attribution_models: name, kind (model_type) and parameters (configuration) per workspace';

-- Touches and conversions, in day partitions made on demand (historical events are taken).
create table attribution.events (
    tenant_id        uuid        not null,
    id               uuid        not null,
    occurred_at      timestamptz not null,
    attribution_type text        not null check (attribution_type in ('touch', 'conversion')),
    source           text        not null check (source in ('api', 'pixel', 'ad_delivered', 'vanity_click', 'promo_code',
                                                            'email_click', 'social_link')),
    channel          text check (length(channel) between 1 and 100),
    campaign_id      uuid,
    podcast_id       uuid,
    episode_id       uuid,
    sponsor_id       uuid,
    listener_id      bytea,
    visitor_key      text check (length(visitor_key) between 1 and 200),
    household_key    bytea,
    action           text check (action in ('view', 'signup', 'lead', 'purchase', 'custom')),
    value            numeric(14, 2) check (value >= 0),
    currency         text check (currency ~ '^[A-Z]{3}$'),
    order_id         text check (length(order_id) between 1 and 200),
    discount_code    text check (length(discount_code) between 1 and 100),
    referrer         text check (length(referrer) <= 2048),
    utm_source       text check (length(utm_source) <= 500),
    utm_medium       text check (length(utm_medium) <= 500),
    utm_campaign     text check (length(utm_campaign) <= 500),
    utm_term         text check (length(utm_term) <= 500),
    utm_content      text check (length(utm_content) <= 500),
    user_agent       text check (length(user_agent) <= 1024),
    attribution_data jsonb       not null default '{}',
    received_at      timestamptz not null,
    primary key (tenant_id, occurred_at, id),
    check ((attribution_type = 'conversion') = (action is not null)),
    check (attribution_type = 'conversion' or channel is not null)
) partition by range (occurred_at);
select platform.isolate_tenant_rows('attribution.events');
create index events_visitor on attribution.events (tenant_id, visitor_key, occurred_at) where visitor_key is not null;
create index events_household on attribution.events (tenant_id, household_key, occurred_at) where household_key is not null;
comment on table attribution.events is
    'attribution_events: every touch (ad delivered, vanity click, promo code, e-mail click, post link, API) and conversion of a workspace; no raw address is stored, only the household key';

-- The rest of an event as sent (attribution_event_metadata): keys Reach does not model.
create table attribution.event_metadata (
    tenant_id   uuid        not null,
    event_id    uuid        not null,
    occurred_at timestamptz not null,
    metadata    jsonb       not null check (jsonb_typeof(metadata) = 'object'),
    primary key (tenant_id, event_id)
);
select platform.isolate_tenant_rows('attribution.event_metadata');

create function attribution.ensure_event_partitions(first_day date, last_day date) returns integer
    language sql security definer set search_path = pg_catalog, platform
as $$ select platform.create_day_partitions('attribution.events', first_day, last_day) $$;
revoke execute on function attribution.ensure_event_partitions(date, date) from public;
grant execute on function attribution.ensure_event_partitions(date, date) to ${app_role};
select attribution.ensure_event_partitions(current_date - 7, current_date + 7);

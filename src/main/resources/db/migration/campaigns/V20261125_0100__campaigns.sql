-- Campaigns (reference models 004 and 001 in one table), their budget entries and retailer
-- participants, versioned templates with their usage analytics, e-mail and SMS campaigns with
-- one send row per recipient, and the addresses that must not be written to again.
create schema if not exists campaigns;
grant usage on schema campaigns to ${app_role};
alter default privileges in schema campaigns grant select, insert, update, delete on tables to ${app_role};

-- Retailers may join campaigns and send them to their own recipients without changing campaigns.
insert into identity.permissions (id, resource_type, action, description)
values (gen_random_uuid(), 'campaign_sends', 'write', 'Campaign sends: write'),
       (gen_random_uuid(), 'campaign_sends', 'read', 'Campaign sends: read')
on conflict (resource_type, action) do nothing;

create table campaigns.campaigns (
    tenant_id         uuid          not null references tenancy.tenants (id),
    id                uuid          not null,
    sponsor_id        uuid,
    name              text          not null check (length(name) between 1 and 255),
    description       text check (length(description) <= 10000),
    status            text          not null default 'draft'
                                    check (status in ('draft', 'active', 'paused', 'completed', 'archived')),
    stage             text          not null default 'planning'
                                    check (stage in ('planning', 'proposal', 'negotiation', 'booked', 'live', 'reporting', 'closed')),
    stage_changed_at  timestamptz   not null,
    start_date        timestamptz,
    end_date          timestamptz,
    budget_allocated  numeric(12,2) not null default 0 check (budget_allocated >= 0),
    budget_spent      numeric(12,2) not null default 0 check (budget_spent >= 0),
    currency          text          not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    target_audience   jsonb         not null default '{}' check (jsonb_typeof(target_audience) = 'object'),
    campaign_settings jsonb         not null default '{}' check (jsonb_typeof(campaign_settings) = 'object'),
    created_by        uuid          not null references identity.users (id),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    primary key (tenant_id, id),
    check (end_date is null or start_date is null or end_date >= start_date)
);
create index campaigns_by_status on campaigns.campaigns (tenant_id, status, id);
select platform.isolate_tenant_rows('campaigns.campaigns');

-- Every change to budget_spent: manual entries, what sends reserve, and what failed sends give back.
create table campaigns.budget_entries (
    tenant_id   uuid          not null,
    id          uuid          not null,
    campaign_id uuid          not null,
    amount      numeric(12,2) not null check (amount <> 0),
    source      text          not null check (source in ('manual', 'email', 'sms', 'refund')),
    note        text check (length(note) <= 1000),
    created_by  uuid references identity.users (id),
    created_at  timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, campaign_id) references campaigns.campaigns (tenant_id, id) on delete cascade
);
create index budget_entries_by_campaign on campaigns.budget_entries (tenant_id, campaign_id, id);
select platform.isolate_tenant_rows('campaigns.budget_entries');

create table campaigns.campaign_participants (
    tenant_id   uuid        not null,
    campaign_id uuid        not null,
    retailer_id uuid        not null references identity.users (id),
    joined_at   timestamptz not null,
    primary key (tenant_id, campaign_id, retailer_id),
    foreign key (tenant_id, campaign_id) references campaigns.campaigns (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('campaigns.campaign_participants');

-- Each edit of a template is a new row (version n+1, parent_template_id = the version edited);
-- lineage_id is the first version's id and names the template across its versions.
create table campaigns.templates (
    tenant_id          uuid        not null references tenancy.tenants (id),
    id                 uuid        not null,
    lineage_id         uuid        not null,
    template_name      text        not null check (length(template_name) between 1 and 255),
    template_type      text        not null check (template_type in ('email', 'sms', 'social', 'web', 'print')),
    template_content   jsonb       not null check (jsonb_typeof(template_content) = 'object'),
    created_by         uuid        not null references identity.users (id),
    is_active          boolean     not null default true,
    version            integer     not null check (version >= 1),
    parent_template_id uuid,
    latest             boolean     not null default true,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, lineage_id, version),
    foreign key (tenant_id, parent_template_id) references campaigns.templates (tenant_id, id)
);
create unique index templates_latest on campaigns.templates (tenant_id, lineage_id) where latest;
create index templates_listing on campaigns.templates (tenant_id, id) where latest;
select platform.isolate_tenant_rows('campaigns.templates');

-- Usage analytics per template (all versions), kept current by the sends that use it.
create table campaigns.campaign_templates (
    tenant_id               uuid         not null,
    template_id             uuid         not null,
    template_name           text         not null,
    template_type           text         not null check (template_type in ('email', 'sms', 'social', 'web', 'print')),
    usage_count             bigint       not null default 0,
    unique_retailers_count  bigint       not null default 0,
    unique_recipients_count bigint       not null default 0,
    conversions_count       bigint       not null default 0,
    conversion_rate         numeric(5,2) not null default 0,
    is_active               boolean      not null default true,
    metadata                jsonb        not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    primary key (tenant_id, template_id)
);
select platform.isolate_tenant_rows('campaigns.campaign_templates');

-- Who a template has reached (lower-cased address or E.164 number), for its unique counts.
create table campaigns.template_recipients (
    tenant_id     uuid        not null,
    template_id   uuid        not null,
    recipient     text        not null,
    first_sent_at timestamptz not null,
    converted     boolean     not null default false,
    primary key (tenant_id, template_id, recipient)
);
select platform.isolate_tenant_rows('campaigns.template_recipients');

create table campaigns.template_retailer_usage (
    tenant_id        uuid        not null,
    id               uuid        not null,
    template_id      uuid        not null,
    retailer_id      uuid        not null references identity.users (id),
    campaign_id      uuid        not null,
    campaigns_joined integer     not null default 1,
    total_sends      bigint      not null default 0,
    last_active_date timestamptz not null,
    created_at       timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, template_id, retailer_id),
    foreign key (tenant_id, campaign_id) references campaigns.campaigns (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('campaigns.template_retailer_usage');

create table campaigns.suppressions (
    tenant_id   uuid        not null references tenancy.tenants (id),
    channel     text        not null check (channel in ('email', 'sms')),
    address     text        not null check (length(address) between 3 and 320),
    reason      text        not null check (reason in ('unsubscribed', 'hard_bounce', 'complaint', 'stop', 'manual')),
    source_send uuid,
    created_at  timestamptz not null,
    primary key (tenant_id, channel, address)
);
select platform.isolate_tenant_rows('campaigns.suppressions');

create table campaigns.email_campaigns (
    tenant_id        uuid        not null,
    id               uuid        not null,
    campaign_id      uuid        not null,
    template_id      uuid,
    email_subject    text        not null check (length(email_subject) between 1 and 500),
    email_content    text        not null,
    email_text       text,
    sender_email     text        not null check (length(sender_email) <= 255),
    sender_name      text check (length(sender_name) <= 255),
    status           text        not null default 'draft'
                                 check (status in ('draft', 'sending', 'paused', 'sent', 'cancelled')),
    created_by       uuid        not null references identity.users (id),
    retailer_id      uuid references identity.users (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    sent_at          timestamptz,
    completed_at     timestamptz,
    total_recipients integer     not null default 0,
    metadata         jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    primary key (tenant_id, id),
    foreign key (tenant_id, campaign_id) references campaigns.campaigns (tenant_id, id),
    foreign key (tenant_id, template_id) references campaigns.templates (tenant_id, id)
);
create index email_campaigns_by_campaign on campaigns.email_campaigns (tenant_id, campaign_id, id);
create index email_campaigns_sending on campaigns.email_campaigns (tenant_id) where status = 'sending';
select platform.isolate_tenant_rows('campaigns.email_campaigns');

-- One row per recipient and e-mail campaign; a message goes out only for a row claimed from 'queued'.
create table campaigns.email_sends (
    tenant_id          uuid        not null,
    id                 uuid        not null,
    email_campaign_id  uuid        not null,
    recipient_email    text        not null check (length(recipient_email) between 3 and 255),
    recipient_name     text check (length(recipient_name) <= 255),
    variables          jsonb       not null default '{}' check (jsonb_typeof(variables) = 'object'),
    status             text        not null default 'queued'
                                   check (status in ('queued', 'sending', 'sent', 'delivered', 'opened', 'clicked',
                                                     'bounced', 'failed', 'suppressed')),
    message_id         text,
    claimed_at         timestamptz,
    sent_at            timestamptz,
    delivered_at       timestamptz,
    opened_at          timestamptz,
    clicked_at         timestamptz,
    bounced_at         timestamptz,
    unsubscribed_at    timestamptz,
    open_count         integer     not null default 0,
    machine_open_count integer     not null default 0,
    click_count        integer     not null default 0,
    machine_click_count integer    not null default 0,
    bounce_reason      text,
    metadata           jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    created_at         timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, email_campaign_id) references campaigns.email_campaigns (tenant_id, id) on delete cascade
);
create unique index email_sends_one_per_recipient on campaigns.email_sends (tenant_id, email_campaign_id, lower(recipient_email));
create index email_sends_queued on campaigns.email_sends (tenant_id, email_campaign_id, id) where status in ('queued', 'sending');
create index email_sends_by_status on campaigns.email_sends (tenant_id, email_campaign_id, status);
select platform.isolate_tenant_rows('campaigns.email_sends');

create table campaigns.sms_campaigns (
    tenant_id        uuid        not null,
    id               uuid        not null,
    campaign_id      uuid        not null,
    template_id      uuid,
    sms_content      text        not null check (length(sms_content) between 1 and 1600),
    sender_number    text        not null check (sender_number ~ '^\+[1-9][0-9]{6,14}$'),
    status           text        not null default 'draft'
                                 check (status in ('draft', 'sending', 'paused', 'sent', 'cancelled')),
    created_by       uuid        not null references identity.users (id),
    retailer_id      uuid references identity.users (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    sent_at          timestamptz,
    completed_at     timestamptz,
    total_recipients integer     not null default 0,
    metadata         jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    primary key (tenant_id, id),
    foreign key (tenant_id, campaign_id) references campaigns.campaigns (tenant_id, id),
    foreign key (tenant_id, template_id) references campaigns.templates (tenant_id, id)
);
create index sms_campaigns_by_campaign on campaigns.sms_campaigns (tenant_id, campaign_id, id);
create index sms_campaigns_sending on campaigns.sms_campaigns (tenant_id) where status = 'sending';
select platform.isolate_tenant_rows('campaigns.sms_campaigns');

create table campaigns.sms_sends (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    sms_campaign_id     uuid        not null,
    recipient_phone     text        not null check (recipient_phone ~ '^\+[1-9][0-9]{6,14}$'),
    recipient_name      text check (length(recipient_name) <= 255),
    variables           jsonb       not null default '{}' check (jsonb_typeof(variables) = 'object'),
    status              text        not null default 'queued'
                                    check (status in ('queued', 'sending', 'pending', 'sent', 'delivered', 'failed',
                                                      'suppressed')),
    provider_message_id text,
    segments            integer,
    claimed_at          timestamptz,
    sent_at             timestamptz,
    delivered_at        timestamptz,
    failure_reason      text,
    metadata            jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    created_at          timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, sms_campaign_id) references campaigns.sms_campaigns (tenant_id, id) on delete cascade
);
create unique index sms_sends_one_per_recipient on campaigns.sms_sends (tenant_id, sms_campaign_id, recipient_phone);
create index sms_sends_queued on campaigns.sms_sends (tenant_id, sms_campaign_id, id) where status in ('queued', 'sending');
create index sms_sends_by_provider_id on campaigns.sms_sends (tenant_id, provider_message_id);
select platform.isolate_tenant_rows('campaigns.sms_sends');

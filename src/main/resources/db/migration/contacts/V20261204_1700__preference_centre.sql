-- How a workspace's hosted preference centre and subscription forms look (its name, logo, colour,
-- words), and how often each contact wants campaigns: every one, or at most one a week or a month.
create table contacts.preference_centres (
    tenant_id       uuid        primary key references tenancy.tenants (id),
    title           text        not null check (length(title) between 1 and 200),
    introduction    text check (length(introduction) <= 2000),
    brand_name      text check (length(brand_name) between 1 and 200),
    logo_url        text check (length(logo_url) <= 2000 and logo_url ~ '^https://[^\s"''<>]+$'),
    accent_color    text check (accent_color ~ '^#[0-9a-f]{6}$'),
    footer          text check (length(footer) <= 2000),
    offer_frequency boolean     not null,
    updated_at      timestamptz not null
);
select platform.isolate_tenant_rows('contacts.preference_centres');
comment on column contacts.preference_centres.offer_frequency is
    'whether the centre lets a contact choose to receive at most one campaign a week or a month';

alter table contacts.contacts
    add column frequency        text not null default 'every' check (frequency in ('every', 'weekly', 'monthly')),
    add column last_campaign_at timestamptz;
comment on column contacts.contacts.frequency is
    'campaigns the contact wants: every one, or at most one a week (weekly) or a month (monthly)';
comment on column contacts.contacts.last_campaign_at is
    'when a campaign last took the contact into its audience (frozen at send start); weighed against frequency';

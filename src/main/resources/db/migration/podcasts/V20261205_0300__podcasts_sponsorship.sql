-- Sponsorship: the advertisers a workspace sells to and their insertion orders, with the promo code
-- and vanity address that let conversions be traced back to a booking.
create table podcasts.sponsors (
    tenant_id   uuid        not null references tenancy.tenants (id),
    id          uuid        not null,
    name        text        not null check (length(name) between 1 and 200),
    website_url text check (length(website_url) <= 2000 and website_url ~ '^https?://'),
    logo_url    text check (length(logo_url) <= 2000 and logo_url ~ '^https?://'),
    industry    text check (length(industry) between 1 and 100),
    description text check (length(description) <= 10000),
    contacts    jsonb       not null default '[]' check (jsonb_typeof(contacts) = 'array' and jsonb_array_length(contacts) <= 20),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id)
);
create unique index sponsors_name on podcasts.sponsors (tenant_id, lower(name));
select platform.isolate_tenant_rows('podcasts.sponsors');

create table podcasts.io_bookings (
    tenant_id     uuid          not null references tenancy.tenants (id),
    id            uuid          not null,
    sponsor_id    uuid          not null,
    campaign_id   uuid,
    booking_date  date          not null,
    flight_start  date          not null,
    flight_end    date          not null,
    podcast_ids   uuid[]        not null default '{}' check (cardinality(podcast_ids) <= 500),
    episode_ids   uuid[]        not null default '{}' check (cardinality(episode_ids) <= 5000),
    goal_type     text          not null check (goal_type in ('impressions', 'downloads')),
    goal          bigint check (goal > 0),
    pricing       text          not null check (pricing in ('cpm', 'flat')),
    price         numeric(14, 2) not null check (price >= 0),
    currency      text          not null check (currency ~ '^[A-Z]{3}$'),
    promo_code    text check (length(promo_code) between 1 and 100),
    vanity_slug   text check (vanity_slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    landing_url   text check (length(landing_url) <= 2000 and landing_url ~ '^https?://'),
    status        text          not null default 'draft' check (status in ('draft', 'booked', 'live', 'completed', 'cancelled')),
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, sponsor_id) references podcasts.sponsors (tenant_id, id),
    check (flight_end >= flight_start),
    check ((vanity_slug is null) = (landing_url is null))
);
create unique index io_bookings_vanity on podcasts.io_bookings (tenant_id, vanity_slug) where vanity_slug is not null;
create unique index io_bookings_promo on podcasts.io_bookings (tenant_id, lower(promo_code)) where promo_code is not null;
create index io_bookings_sponsor on podcasts.io_bookings (tenant_id, sponsor_id);
select platform.isolate_tenant_rows('podcasts.io_bookings');
comment on column podcasts.io_bookings.vanity_slug is
    'the vanity address /v/{workspace slug}/{vanity_slug} (the reference model''s vanity_url), redirecting to landing_url with UTM parameters';

insert into identity.permissions (id, resource_type, action, description)
values (gen_random_uuid(), 'sponsors', 'read', 'Sponsors and insertion orders: read'),
       (gen_random_uuid(), 'sponsors', 'write', 'Sponsors and insertion orders: write')
on conflict (resource_type, action) do nothing;

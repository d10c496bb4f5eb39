-- Where events come from: country (ISO 3166-1 alpha-2), region and city, from the geolocation
-- database or a trusted proxy's headers; country is a dashboard dimension. Geography (reference
-- model 004) is a global reference table of the places seen.
alter table measurement.trackers
    add column country text check (country ~ '^[A-Z]{2}$'),
    add column region  text check (length(region) <= 100),
    add column city    text check (length(city) <= 100);

alter table measurement.tracker_hourly add column country text not null default '';
alter table measurement.tracker_hourly drop constraint tracker_hourly_pkey;
alter table measurement.tracker_hourly add primary key (tenant_id, bucket, event_type, page_url, referrer_url, device_type,
    browser_name, operating_system, country, is_bot);

create table measurement.geography (
    geography_id uuid primary key,
    country_code text        not null check (country_code ~ '^[A-Z]{2}$'),
    country_name text check (length(country_name) <= 100),
    region       text check (length(region) <= 100),
    city         text check (length(city) <= 100),
    latitude     numeric(10, 8),
    longitude    numeric(11, 8),
    timezone     text check (length(timezone) <= 50),
    created_at   timestamptz not null,
    unique nulls not distinct (country_code, region, city)
);
comment on table measurement.geography is 'global: the places (country, region, city) events came from, first seen at created_at';
grant select, insert on measurement.geography to ${app_role};

-- Sponsor matching: what a sponsor wants (countries, devices, categories to stay away from, price)
-- and the stored, explained fit of each sponsor and podcast.
alter table podcasts.sponsors
    add column target_countries    text[] not null default '{}'
        check (cardinality(target_countries) <= 250 and array_to_string(target_countries, ',') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$'),
    add column target_devices      text[] not null default '{}' check (cardinality(target_devices) <= 20),
    add column excluded_categories text[] not null default '{}'
        check (excluded_categories <@ array['adult', 'alcohol', 'drugs', 'gambling', 'profanity', 'violence', 'weapons']::text[]),
    add column max_cpm             numeric(10, 2) check (max_cpm >= 0),
    add column budget              numeric(14, 2) check (budget >= 0);
comment on column podcasts.sponsors.budget is 'what the sponsor means to spend on a podcast for a month, compared with its downloads × max_cpm';

create table podcasts.matches (
    tenant_id   uuid          not null,
    id          uuid          not null,
    sponsor_id  uuid          not null,
    campaign_id uuid,
    podcast_id  uuid          not null,
    score       numeric(5, 4) not null check (score between 0 and 1),
    rationale   text          not null check (length(rationale) <= 4000),
    signals     jsonb         not null check (jsonb_typeof(signals) = 'array'),
    computed_at timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, sponsor_id) references podcasts.sponsors (tenant_id, id) on delete cascade,
    foreign key (tenant_id, podcast_id) references podcasts.podcasts (tenant_id, id) on delete cascade
);
create unique index matches_pair on podcasts.matches (tenant_id, sponsor_id, podcast_id, campaign_id) nulls not distinct;
create index matches_by_podcast on podcasts.matches (tenant_id, podcast_id);
select platform.isolate_tenant_rows('podcasts.matches');
comment on column podcasts.matches.sponsor_id is 'the reference model''s advertiser_id: the sponsor matched';
comment on column podcasts.matches.signals is
    'each signal: {signal, value 0..1, weight, contribution, explanation, evidence[]}; score = Σ contribution';

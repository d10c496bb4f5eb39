-- The podcasts a workspace measures and their episodes, entered by hand or imported (and kept in
-- sync) from an RSS feed. Download measurement counts against an episode's threshold_bytes.
create schema if not exists podcasts;
grant usage on schema podcasts to ${app_role};
alter default privileges in schema podcasts grant select, insert, update, delete on tables to ${app_role};

-- The podcasts permissions come back to the catalog now that the module has endpoints.
insert into identity.permissions (id, resource_type, action, description)
values (gen_random_uuid(), 'podcasts', 'read', 'Podcasts: read'),
       (gen_random_uuid(), 'podcasts', 'write', 'Podcasts: write')
on conflict (resource_type, action) do nothing;

create table podcasts.podcasts (
    tenant_id          uuid        not null references tenancy.tenants (id),
    id                 uuid        not null,
    name               text        not null check (length(name) between 1 and 500),
    description        text check (length(description) <= 50000),
    rss_feed_url       text check (length(rss_feed_url) <= 2000 and rss_feed_url ~ '^https?://'),
    website_url        text check (length(website_url) <= 2000 and website_url ~ '^https?://'),
    category           text check (length(category) <= 200),
    language           text check (length(language) between 2 and 35),
    artwork_url        text check (length(artwork_url) <= 2000 and artwork_url ~ '^https?://'),
    owner_name         text check (length(owner_name) <= 500),
    owner_email        text check (length(owner_email) <= 254),
    explicit           boolean     not null default false,
    podcast_guid       uuid        not null,
    feed_etag          text check (length(feed_etag) <= 500),
    feed_last_modified text check (length(feed_last_modified) <= 100),
    feed_synced_at     timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    primary key (tenant_id, id)
);
create unique index podcasts_feed on podcasts.podcasts (tenant_id, rss_feed_url) where rss_feed_url is not null;
select platform.isolate_tenant_rows('podcasts.podcasts');
comment on column podcasts.podcasts.podcast_guid is
    'the feed''s podcast:guid, or the UUIDv5 of its address in the podcast namespace (PodcastGuid)';
comment on column podcasts.podcasts.feed_etag is 'the feed''s ETag at the last sync, sent back as If-None-Match';

create table podcasts.episodes (
    tenant_id          uuid        not null,
    id                 uuid        not null,
    podcast_id         uuid        not null,
    guid               text        not null check (length(guid) between 1 and 1000),
    title              text        not null check (length(title) between 1 and 1000),
    description        text check (length(description) <= 100000),
    episode_number     numeric(10, 2),
    season             integer check (season >= 0),
    episode_type       text check (episode_type in ('full', 'trailer', 'bonus')),
    published_at       timestamptz,
    duration_seconds   integer check (duration_seconds >= 0),
    duration_estimated boolean     not null default true,
    audio_url          text check (length(audio_url) <= 2000 and audio_url ~ '^https?://'),
    audio_type         text check (length(audio_type) <= 100),
    explicit           boolean     not null default false,
    file_bytes         bigint check (file_bytes >= 0),
    id3_bytes          integer check (id3_bytes >= 0),
    bitrate            integer check (bitrate > 0),
    threshold_bytes    bigint check (threshold_bytes >= 0),
    transcripts        jsonb       not null default '[]' check (jsonb_typeof(transcripts) = 'array'),
    chapters_url       text check (length(chapters_url) <= 2000),
    persons            jsonb       not null default '[]' check (jsonb_typeof(persons) = 'array'),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, podcast_id, guid),
    foreign key (tenant_id, podcast_id) references podcasts.podcasts (tenant_id, id) on delete cascade
);
create index episodes_by_podcast on podcasts.episodes (tenant_id, podcast_id, published_at desc, id);
create index episodes_by_audio on podcasts.episodes (tenant_id, audio_url) where audio_url is not null;
select platform.isolate_tenant_rows('podcasts.episodes');
comment on column podcasts.episodes.guid is
    'the item''s <guid>, or a stable id made from its enclosure and title when it has none (never its link)';
comment on column podcasts.episodes.episode_number is 'itunes:episode or podcast:episode (which may be 315.5)';
comment on column podcasts.episodes.duration_estimated is
    'true while the duration is the feed''s itunes:duration; false once measured from the audio';
comment on column podcasts.episodes.threshold_bytes is
    'bytes a download must cover to count (IAB): the ID3 tag and one minute of audio, or the whole file';
comment on column podcasts.episodes.transcripts is 'podcast:transcript links: [{"url", "type", "language", "rel"}]';
comment on column podcasts.episodes.persons is 'podcast:person: [{"name", "role", "group", "img", "href"}]';

-- Every audio address an episode has had: a feed that changes an enclosure keeps the old one, so
-- downloads of either count for the episode.
create table podcasts.episode_enclosures (
    tenant_id     uuid        not null,
    episode_id    uuid        not null,
    audio_url     text        not null check (length(audio_url) <= 2000),
    file_bytes    bigint check (file_bytes >= 0),
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    primary key (tenant_id, episode_id, audio_url),
    foreign key (tenant_id, episode_id) references podcasts.episodes (tenant_id, id) on delete cascade
);
create index enclosures_by_url on podcasts.episode_enclosures (tenant_id, audio_url);
select platform.isolate_tenant_rows('podcasts.episode_enclosures');

-- Transcripts: an episode's words with their times, searchable in the transcript's own language,
-- flagged for brand safety per segment, and summarised as one sentence embedding for sponsor matching.
create table podcasts.transcripts (
    tenant_id        uuid         not null,
    episode_id       uuid         not null,
    content          text         not null check (length(content) between 1 and 2000000),
    language         text check (language ~ '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
    search_config    regconfig    not null,
    confidence_score numeric(4, 3) check (confidence_score between 0 and 1),
    format           text         not null check (format in ('srt', 'webvtt', 'json', 'text')),
    source           text         not null check (source in ('upload', 'feed')),
    source_url       text check (length(source_url) <= 2000),
    segment_count    integer      not null check (segment_count >= 0),
    flagged_segments jsonb        not null default '{}' check (jsonb_typeof(flagged_segments) = 'object'),
    embedding        real[] check (cardinality(embedding) = 384),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    primary key (tenant_id, episode_id),
    foreign key (tenant_id, episode_id) references podcasts.episodes (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('podcasts.transcripts');
comment on column podcasts.transcripts.search_config is
    'the PostgreSQL text-search configuration of the transcript''s language (simple when PostgreSQL has none for it)';
comment on column podcasts.transcripts.flagged_segments is
    'how many segments each brand-safety category flags: {"alcohol": 3, ...}';
comment on column podcasts.transcripts.embedding is
    'all-MiniLM-L6-v2 sentence embedding of the transcript (mean of its passages, unit length), for sponsor matching';

create table podcasts.transcript_segments (
    tenant_id  uuid     not null,
    episode_id uuid     not null,
    position   integer  not null check (position >= 0),
    starts_ms  integer check (starts_ms >= 0),
    ends_ms    integer check (ends_ms >= starts_ms),
    speaker    text check (length(speaker) <= 200),
    body       text     not null check (length(body) between 1 and 20000),
    flags      text[]   not null default '{}'
        check (flags <@ array['adult', 'alcohol', 'drugs', 'gambling', 'profanity', 'violence', 'weapons']::text[]),
    search     tsvector not null,
    primary key (tenant_id, episode_id, position),
    foreign key (tenant_id, episode_id) references podcasts.transcripts (tenant_id, episode_id) on delete cascade
);
create index transcript_segments_search on podcasts.transcript_segments using gin (search);
select platform.isolate_tenant_rows('podcasts.transcript_segments');
comment on column podcasts.transcript_segments.flags is
    'brand-safety categories whose terms the segment contains (docs/sponsor-matching.md names the lists)';

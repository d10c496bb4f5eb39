-- The social platforms Reach publishes to, with the limits a post variant must respect.
create schema if not exists social;
grant usage on schema social to ${app_role};
alter default privileges in schema social grant select, insert, update, delete on tables to ${app_role};

create table social.social_channels (
    id                   uuid primary key,
    channel_name         text        not null unique check (channel_name ~ '^[a-z][a-z0-9_]{0,31}$'),
    channel_display_name text        not null,
    channel_url          text        not null,
    api_endpoint         text        not null,
    icon_url             text,
    is_active            boolean     not null default true,
    requires_oauth       boolean     not null default true,
    max_video_length     integer     check (max_video_length > 0),
    supported_formats    text[]      not null default '{}',
    max_text_length      integer     not null check (max_text_length > 0),
    min_media            integer     not null default 0 check (min_media >= 0),
    max_media            integer     not null check (max_media >= min_media),
    allowed_media_types  text[]      not null default '{image,video}',
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
comment on table social.social_channels is 'global: the catalog of social platforms and their constraints';
comment on column social.social_channels.max_video_length is 'seconds';

insert into social.social_channels (id, channel_name, channel_display_name, channel_url, api_endpoint, requires_oauth,
    max_video_length, supported_formats, max_text_length, min_media, max_media, allowed_media_types, created_at, updated_at)
values
    ('0193a0c0-0000-7000-8000-000000000001', 'instagram', 'Instagram', 'https://www.instagram.com', 'https://graph.instagram.com',
     true, 900, '{mp4,mov}', 2200, 1, 10, '{image,video}', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z'),
    ('0193a0c0-0000-7000-8000-000000000002', 'facebook', 'Facebook', 'https://www.facebook.com', 'https://graph.facebook.com',
     true, 14400, '{mp4,mov}', 63206, 0, 10, '{image,video}', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z'),
    ('0193a0c0-0000-7000-8000-000000000003', 'tiktok', 'TikTok', 'https://www.tiktok.com', 'https://open.tiktokapis.com',
     true, 600, '{mp4,webm,mov}', 2200, 1, 1, '{video}', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z'),
    ('0193a0c0-0000-7000-8000-000000000004', 'linkedin', 'LinkedIn', 'https://www.linkedin.com', 'https://api.linkedin.com',
     true, 600, '{mp4}', 3000, 0, 9, '{image,video}', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z'),
    ('0193a0c0-0000-7000-8000-000000000005', 'x', 'X', 'https://x.com', 'https://api.x.com',
     true, 140, '{mp4,mov}', 280, 0, 4, '{image,video}', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z'),
    ('0193a0c0-0000-7000-8000-000000000006', 'youtube', 'YouTube', 'https://www.youtube.com', 'https://www.googleapis.com/youtube/v3',
     true, 43200, '{mp4,mov,webm,avi}', 5000, 1, 1, '{video}', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z'),
    ('0193a0c0-0000-7000-8000-000000000007', 'threads', 'Threads', 'https://www.threads.net', 'https://graph.threads.net',
     true, 300, '{mp4,mov}', 500, 0, 10, '{image,video}', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z');

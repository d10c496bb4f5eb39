-- The sandbox platform: a channel inside Reach (posts are accepted locally, engagement is made up
-- deterministically), offered only where reach.social.sandbox.enabled is set. No OAuth app needed.
insert into social.social_channels (id, channel_name, channel_display_name, channel_url, api_endpoint, requires_oauth,
    max_video_length, supported_formats, max_text_length, min_media, max_media, allowed_media_types, created_at, updated_at)
values
    ('0193a0c0-0000-7000-8000-000000000008', 'sandbox', 'Sandbox', 'https://sandbox.reach.invalid', 'local',
     false, 600, '{mp4,mov,webm}', 5000, 0, 10, '{image,video}', '2026-12-04T00:00:00Z', '2026-12-04T00:00:00Z');

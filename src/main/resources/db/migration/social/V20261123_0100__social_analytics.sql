-- Analytics kept per connected account: follower changes (from the diff of follower lists),
-- top content with its engagement rate, audience insights per day.
alter table social.social_accounts add column followers_listed_at timestamptz;
comment on column social.social_accounts.followers_listed_at is 'when a follower list was last compared; null until the first (baseline) list';

create table social.follower_changes (
    tenant_id         uuid        not null,
    id                uuid        not null,
    social_account_id uuid        not null,
    change_type       text        not null check (change_type in ('new_follower', 'unfollower')),
    user_id           text        not null check (length(user_id) between 1 and 255),
    username          text        not null check (length(username) <= 255),
    changed_at        timestamptz not null,
    profile_pic_url   text,
    verified          boolean     not null default false,
    follower_count    bigint check (follower_count >= 0),
    extra_data        jsonb       not null default '{}' check (jsonb_typeof(extra_data) = 'object'),
    primary key (tenant_id, id),
    foreign key (tenant_id, social_account_id) references social.social_accounts (tenant_id, id) on delete cascade
);
create index follower_changes_by_account on social.follower_changes (tenant_id, social_account_id, changed_at desc);
create index follower_changes_by_type on social.follower_changes (tenant_id, social_account_id, change_type, changed_at desc);
select platform.isolate_tenant_rows('social.follower_changes');

-- The follower list last seen per account, the baseline the next list is compared with.
create table social.known_followers (
    tenant_id         uuid        not null,
    social_account_id uuid        not null,
    user_id           text        not null,
    username          text        not null,
    first_seen_at     timestamptz not null,
    primary key (tenant_id, social_account_id, user_id),
    foreign key (tenant_id, social_account_id) references social.social_accounts (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('social.known_followers');

create table social.top_content (
    tenant_id         uuid             not null,
    id                uuid             not null,
    social_account_id uuid             not null,
    platform_post_id  text             not null check (length(platform_post_id) between 1 and 255),
    post_url          text             not null,
    caption           text,
    media_type        text check (length(media_type) <= 32),
    likes_count       bigint           not null default 0 check (likes_count >= 0),
    comments_count    bigint           not null default 0 check (comments_count >= 0),
    shares_count      bigint           not null default 0 check (shares_count >= 0),
    saves_count       bigint           not null default 0 check (saves_count >= 0),
    reach             bigint           not null default 0 check (reach >= 0),
    impressions       bigint           not null default 0 check (impressions >= 0),
    engagement_rate   double precision not null default 0,
    posted_at         timestamptz      not null,
    last_updated      timestamptz      not null,
    primary key (tenant_id, id),
    unique (tenant_id, social_account_id, platform_post_id),
    foreign key (tenant_id, social_account_id) references social.social_accounts (tenant_id, id) on delete cascade
);
create index top_content_by_rate on social.top_content (tenant_id, social_account_id, engagement_rate desc);
select platform.isolate_tenant_rows('social.top_content');
comment on column social.top_content.engagement_rate is '(likes + comments + shares + saves) / reach * 100; 0 when reach is 0';

create table social.audience_insights (
    tenant_id         uuid  not null,
    id                uuid  not null,
    social_account_id uuid  not null,
    snapshot_date     date  not null,
    age_ranges        jsonb not null default '[]' check (jsonb_typeof(age_ranges) = 'array'),
    genders           jsonb not null default '[]' check (jsonb_typeof(genders) = 'array'),
    countries         jsonb not null default '[]' check (jsonb_typeof(countries) = 'array'),
    cities            jsonb not null default '[]' check (jsonb_typeof(cities) = 'array'),
    active_hours      jsonb not null default '[]' check (jsonb_typeof(active_hours) = 'array'),
    active_days       jsonb not null default '[]' check (jsonb_typeof(active_days) = 'array'),
    primary key (tenant_id, id),
    unique (tenant_id, social_account_id, snapshot_date),
    foreign key (tenant_id, social_account_id) references social.social_accounts (tenant_id, id) on delete cascade
);
create index audience_insights_by_date on social.audience_insights (tenant_id, social_account_id, snapshot_date desc);
select platform.isolate_tenant_rows('social.audience_insights');

-- How often each account is synced (minutes); null means the installation default.
alter table social.social_accounts add column sync_interval_minutes integer
    check (sync_interval_minutes between 15 and 10080);

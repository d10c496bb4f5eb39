-- The audience of a workspace: its contacts (people it may mail or text), the custom fields their
-- attributes are declared by, the consent records that prove what each agreed to, lists with their
-- members (single or double opt-in), saved segments, imports and each contact's activity.
-- How contacts relate to the campaign sends' recipients: docs/contacts.md.
create schema if not exists contacts;
grant usage on schema contacts to ${app_role};
alter default privileges in schema contacts grant select, insert, update, delete on tables to ${app_role};
create extension if not exists pg_trgm with schema public;
create extension if not exists btree_gin with schema public;

-- The custom attributes a workspace declares, each with its type: contacts' attributes are checked
-- against them at the API (an undeclared or mistyped attribute is a 400).
create table contacts.contact_fields (
    tenant_id  uuid        not null references tenancy.tenants (id),
    name       text        not null check (name ~ '^[a-z][a-z0-9_]{0,62}$'),
    label      text        not null check (length(label) between 1 and 200),
    field_type text        not null check (field_type in ('text', 'number', 'boolean', 'date')),
    created_at timestamptz not null,
    primary key (tenant_id, name)
);
select platform.isolate_tenant_rows('contacts.contact_fields');

create table contacts.contacts (
    tenant_id        uuid        not null references tenancy.tenants (id),
    id               uuid        not null,
    email            text check (length(email) between 3 and 254 and email = lower(email)
                                 and email ~ '^[^@\s]+@[^@\s]+$'),
    phone            text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    first_name       text check (length(first_name) <= 200),
    last_name        text check (length(last_name) <= 200),
    locale           text check (length(locale) between 2 and 35),
    time_zone        text check (length(time_zone) between 1 and 64),
    attributes       jsonb       not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    tags             text[]      not null default '{}' check (cardinality(tags) <= 100),
    status           text        not null default 'subscribed'
                                 check (status in ('subscribed', 'unsubscribed', 'bounced', 'complained')),
    source           text        not null check (source in ('api', 'console', 'import', 'form')),
    engagement_score integer     not null default 0,
    last_activity_at timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    search_text      text generated always as (lower(coalesce(email, '') || ' ' || coalesce(phone, '') || ' '
                                               || coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) stored,
    primary key (tenant_id, id),
    check (email is not null or phone is not null)
);
create unique index contacts_email on contacts.contacts (tenant_id, email) where email is not null;
create unique index contacts_phone on contacts.contacts (tenant_id, phone) where phone is not null;
-- Tag, attribute and text searches stay within the workspace: each GIN index leads with the tenant.
create index contacts_tags on contacts.contacts using gin (tenant_id, tags);
create index contacts_attributes on contacts.contacts using gin (tenant_id, attributes jsonb_path_ops);
create index contacts_search on contacts.contacts using gin (tenant_id, search_text gin_trgm_ops);
create index contacts_by_status on contacts.contacts (tenant_id, status, id);
select platform.isolate_tenant_rows('contacts.contacts');
comment on column contacts.contacts.status is
    'subscribed, or why the contact is never mailed: unsubscribed (everything), bounced (hard), complained';
comment on column contacts.contacts.engagement_score is
    'opens (1), clicks (3) and conversions (5) of the last 90 days, less 5 per bounce or complaint';

create table contacts.lists (
    tenant_id   uuid        not null references tenancy.tenants (id),
    id          uuid        not null,
    name        text        not null check (length(name) between 1 and 200),
    description text check (length(description) <= 2000),
    opt_in      text        not null check (opt_in in ('single', 'double')),
    visibility  text        not null check (visibility in ('private', 'public')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, name)
);
select platform.isolate_tenant_rows('contacts.lists');

-- A contact's place on a list. On a double opt-in list a member is unconfirmed until the link in
-- the confirmation mail is followed, and only confirmed members receive campaigns.
create table contacts.list_members (
    tenant_id       uuid        not null,
    list_id         uuid        not null,
    contact_id      uuid        not null,
    status          text        not null check (status in ('unconfirmed', 'confirmed', 'unsubscribed')),
    subscribed_at   timestamptz not null,
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz,
    primary key (tenant_id, list_id, contact_id),
    foreign key (tenant_id, list_id) references contacts.lists (tenant_id, id) on delete cascade,
    foreign key (tenant_id, contact_id) references contacts.contacts (tenant_id, id) on delete cascade
);
create index list_members_by_contact on contacts.list_members (tenant_id, contact_id);
create index list_members_by_status on contacts.list_members (tenant_id, list_id, status, contact_id);
select platform.isolate_tenant_rows('contacts.list_members');

-- What a contact agreed to or withdrew, when and how: the proof a regulator asks for. Never
-- updated; an unsubscribe adds a withdrawal and keeps the grant before it.
create table contacts.consents (
    tenant_id   uuid        not null,
    id          uuid        not null,
    contact_id  uuid        not null,
    channel     text        not null check (channel in ('email', 'sms')),
    list_id     uuid,
    purpose     text        not null check (length(purpose) between 1 and 200),
    action      text        not null check (action in ('granted', 'withdrawn')),
    method      text        not null check (method in ('api', 'console', 'import', 'form', 'double_opt_in',
                                                       'unsubscribe_link', 'preference_centre', 'complaint', 'reply')),
    ip_address  inet,
    user_agent  text check (length(user_agent) <= 500),
    recorded_by uuid,
    recorded_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts.contacts (tenant_id, id) on delete cascade
);
create index consents_by_contact on contacts.consents (tenant_id, contact_id, recorded_at);
select platform.isolate_tenant_rows('contacts.consents');
comment on column contacts.consents.list_id is 'the list consented to; null for the channel as a whole';
comment on column contacts.consents.purpose is 'what was consented to, in words (the list''s name when it was given)';
comment on column contacts.consents.recorded_by is 'the member (identity.users.id) who recorded it; null when the contact did';

-- What a contact did: sends, opens, clicks, unsubscribes, bounces, subscriptions, (later)
-- conversions and downloads. Source names the send, list or campaign it was about.
create table contacts.activities (
    tenant_id   uuid        not null,
    id          uuid        not null,
    contact_id  uuid        not null,
    kind        text        not null check (kind in ('sent', 'opened', 'clicked', 'unsubscribed', 'bounced',
                                                     'complained', 'subscribed', 'confirmed', 'conversion',
                                                     'download')),
    channel     text check (channel in ('email', 'sms')),
    source_type text check (source_type in ('email_campaign', 'sms_campaign', 'list', 'import')),
    source_id   uuid,
    detail      text check (length(detail) <= 2000),
    occurred_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, contact_id) references contacts.contacts (tenant_id, id) on delete cascade
);
create index activities_by_contact on contacts.activities (tenant_id, contact_id, id);
create index activities_by_source on contacts.activities (tenant_id, kind, source_id, contact_id);
select platform.isolate_tenant_rows('contacts.activities');

create table contacts.segments (
    tenant_id   uuid        not null references tenancy.tenants (id),
    id          uuid        not null,
    name        text        not null check (length(name) between 1 and 200),
    definition  jsonb       not null check (jsonb_typeof(definition) = 'object'),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, name)
);
select platform.isolate_tenant_rows('contacts.segments');
comment on column contacts.segments.definition is 'the saved filter: {"match": "all"|"any", "conditions": [...]}';

-- Imports run in the background: the uploaded rows are staged first (import_rows), then upserted
-- in chunks with the counts kept here as progress.
create table contacts.imports (
    tenant_id     uuid        not null references tenancy.tenants (id),
    id            uuid        not null,
    format        text        not null check (format in ('csv', 'json')),
    status        text        not null check (status in ('queued', 'running', 'done', 'failed')),
    dry_run       boolean     not null,
    list_id       uuid,
    rows_total    bigint      not null default 0,
    rows_done     bigint      not null default 0,
    created_count bigint      not null default 0,
    updated_count bigint      not null default 0,
    error_count   bigint      not null default 0,
    failure       text check (length(failure) <= 2000),
    created_by    uuid,
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, list_id) references contacts.lists (tenant_id, id) on delete set null (list_id)
);
create index imports_waiting on contacts.imports (created_at) where status in ('queued', 'running');
select platform.isolate_tenant_rows('contacts.imports');

create table contacts.import_rows (
    tenant_id uuid   not null,
    import_id uuid   not null,
    line      bigint not null,
    fields    jsonb  not null check (jsonb_typeof(fields) = 'object'),
    primary key (tenant_id, import_id, line),
    foreign key (tenant_id, import_id) references contacts.imports (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('contacts.import_rows');

create table contacts.import_errors (
    tenant_id uuid   not null,
    import_id uuid   not null,
    line      bigint not null,
    field     text   not null check (length(field) <= 100),
    message   text   not null check (length(message) <= 500),
    primary key (tenant_id, import_id, line, field),
    foreign key (tenant_id, import_id) references contacts.imports (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('contacts.import_errors');


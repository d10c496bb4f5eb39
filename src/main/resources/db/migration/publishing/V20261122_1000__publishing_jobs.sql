-- One publish job per variant of a scheduled post, run by db-scheduler at its time. Each
-- attempt is recorded with what the platform answered, so failures explain themselves.
create table publishing.publish_jobs (
    tenant_id         uuid        not null,
    id                uuid        not null,
    post_id           uuid        not null,
    post_variant_id   uuid        not null,
    social_account_id uuid        not null,
    platform          text        not null,
    scheduled_at      timestamptz not null,
    next_attempt_at   timestamptz not null,
    status            text        not null default 'pending'
                                  check (status in ('pending', 'running', 'retry', 'success', 'failed', 'missed', 'cancelled')),
    attempt           integer     not null default 0,
    lookup_first      boolean     not null default false,
    idempotency_key   text        not null,
    provider_job_id   text,
    last_error        text,
    last_error_kind   text check (last_error_kind in ('retryable', 'terminal', 'unknown')),
    last_http_status  integer,
    published_at      timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, idempotency_key),
    foreign key (tenant_id, post_id) references publishing.posts (tenant_id, id) on delete cascade,
    foreign key (tenant_id, post_variant_id) references publishing.post_variants (tenant_id, id) on delete cascade
);
create index publish_jobs_by_time on publishing.publish_jobs (tenant_id, scheduled_at, status);
select platform.isolate_tenant_rows('publishing.publish_jobs');

create table publishing.publish_attempts (
    tenant_id        uuid        not null,
    id               uuid        not null,
    publish_job_id   uuid        not null,
    attempted_at     timestamptz not null,
    outcome          text        not null check (outcome in ('published', 'found', 'retryable', 'terminal', 'unknown', 'missed')),
    http_status      integer,
    response_excerpt text check (length(response_excerpt) <= 1000),
    primary key (tenant_id, id),
    foreign key (tenant_id, publish_job_id) references publishing.publish_jobs (tenant_id, id) on delete cascade
);
create index publish_attempts_by_job on publishing.publish_attempts (tenant_id, publish_job_id);
select platform.isolate_tenant_rows('publishing.publish_attempts');

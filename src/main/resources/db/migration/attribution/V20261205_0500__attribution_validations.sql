-- Every conversion is checked as it comes in (attribution_validations): a repeated order id or a bot's
-- user agent rejects it (never credited); an address of a data centre, or a conversion less than two
-- seconds after its touch, makes it suspect (credited, and counted apart).
create table attribution.validations (
    tenant_id            uuid        not null,
    id                   uuid        not null,
    attribution_event_id uuid        not null,
    occurred_at          timestamptz not null,
    validation_type      text        not null check (validation_type in ('conversion')),
    outcome              text        not null check (outcome in ('valid', 'suspect', 'rejected')),
    passed               boolean     not null,
    details              jsonb       not null default '{}' check (jsonb_typeof(details) = 'object'),
    created_at           timestamptz not null,
    primary key (tenant_id, id),
    check (passed = (outcome = 'valid'))
);
create unique index validations_event on attribution.validations (tenant_id, attribution_event_id, validation_type);
create index validations_time on attribution.validations (tenant_id, occurred_at);
select platform.isolate_tenant_rows('attribution.validations');

-- What each tenant used of its monthly quotas (max_monthly_emails, _sms, _events, _ai_tokens)
-- in each UTC calendar month. Taking from a quota is one conditional statement that raises
-- `used` only while it stays within the limit, so usage is never counted from raw rows.

create table tenancy.monthly_usage (
    tenant_id  uuid        not null references tenancy.tenants (id),
    quota      text        not null check (quota in ('max_monthly_emails', 'max_monthly_sms', 'max_monthly_events',
                                                     'max_monthly_ai_tokens')),
    month      date        not null check (extract(day from month) = 1),
    used       bigint      not null check (used >= 0),
    updated_at timestamptz not null,
    primary key (tenant_id, quota, month)
);
comment on table tenancy.monthly_usage is 'Per tenant, monthly quota and UTC calendar month (its first day): the amount used';
select platform.isolate_tenant_rows('tenancy.monthly_usage');

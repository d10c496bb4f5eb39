-- Read-only reports shared with a sponsor: an address that opens, without an account, the sponsor's
-- delivery, downloads, conversions and cost per acquisition under the workspace's white label, until
-- it expires (1 to 365 days) or is revoked.
create table attribution.sponsor_report_links (
    tenant_id  uuid        not null,
    id         uuid        not null,
    sponsor_id uuid        not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    created_at timestamptz not null,
    primary key (tenant_id, id)
);
create index sponsor_report_links_sponsor on attribution.sponsor_report_links (tenant_id, sponsor_id);
select platform.isolate_tenant_rows('attribution.sponsor_report_links');

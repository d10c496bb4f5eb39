-- The run of a campaign's sending that is alive, on any node: a run takes the lease before it
-- claims anything, renews it while it works (heartbeat) and gives it back when it stops. Another
-- run (db-scheduler's retry, a follow-up, the sweep's) starts only on a free or expired lease,
-- so two runs of one campaign never send side by side; a run whose lease was taken stops.
create table campaigns.dispatch_leases (
    tenant_id    uuid        not null references tenancy.tenants (id),
    channel      text        not null check (channel in ('email', 'sms')),
    campaign_id  uuid        not null,
    run_id       uuid        not null,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null,
    primary key (tenant_id, channel, campaign_id)
);
select platform.isolate_tenant_rows('campaigns.dispatch_leases');

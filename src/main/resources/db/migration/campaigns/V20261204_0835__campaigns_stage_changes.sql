-- Every stage a campaign entered, and when: the stage history the console shows (the campaign row
-- keeps only the current stage and stage_changed_at). from_stage is null for the opening stage.
create table campaigns.stage_changes (
    tenant_id   uuid        not null,
    id          uuid        not null,
    campaign_id uuid        not null,
    from_stage  text check (from_stage in ('planning', 'proposal', 'negotiation', 'booked', 'live', 'reporting', 'closed')),
    to_stage    text        not null
                            check (to_stage in ('planning', 'proposal', 'negotiation', 'booked', 'live', 'reporting', 'closed')),
    changed_by  uuid references identity.users (id),
    changed_at  timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, campaign_id) references campaigns.campaigns (tenant_id, id) on delete cascade
);
create index stage_changes_by_campaign on campaigns.stage_changes (tenant_id, campaign_id, id);
select platform.isolate_tenant_rows('campaigns.stage_changes');

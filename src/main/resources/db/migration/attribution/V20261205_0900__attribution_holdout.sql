-- Lift: a campaign may hold out a share of households (they get a public-service ad in the
-- campaign's place), chosen by a deterministic hash of the campaign and the household key.
alter table attribution.campaign_settings
    add column holdout_share numeric(4, 3) not null default 0 check (holdout_share >= 0 and holdout_share <= 0.5);
comment on column attribution.campaign_settings.holdout_share is
    'the share of households held out of the campaign (0 to 0.5): first 8 bytes of SHA-256(campaign id, key) / 2^64 below it';

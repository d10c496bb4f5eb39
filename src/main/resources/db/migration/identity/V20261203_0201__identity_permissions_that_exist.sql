-- The permission catalog names only what Reach can do today: permissions for modules that have
-- no endpoint yet (podcasts, sponsors, attribution, assets, products, billing, integrations,
-- webhooks, reports, experiments, compliance) are removed, with their grants in custom roles.
-- Each module adds its permissions back in its own migration when it lands.
-- role_permissions is tenant-isolated; this clean-up spans every tenant, so its row security is
-- lifted for the one statement (the migration runs as the table's owner).
alter table identity.role_permissions no force row level security;
alter table identity.role_permissions disable row level security;
delete from identity.role_permissions rp
using identity.permissions p
where p.id = rp.permission_id
  and p.resource_type in ('podcasts', 'sponsors', 'attribution', 'assets', 'products', 'billing', 'integrations',
                          'webhooks', 'reports', 'experiments', 'compliance');
alter table identity.role_permissions enable row level security;
alter table identity.role_permissions force row level security;

delete from identity.permissions
where resource_type in ('podcasts', 'sponsors', 'attribution', 'assets', 'products', 'billing', 'integrations',
                        'webhooks', 'reports', 'experiments', 'compliance');

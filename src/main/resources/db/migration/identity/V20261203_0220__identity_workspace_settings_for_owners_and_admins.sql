-- Workspace settings (time zone, IP handling, retention, post approval) govern the whole
-- workspace: owners and admins change them (tenant:write), editors no longer. New tenants are
-- seeded that way (SystemRoles); this takes the permission from the built-in editor role of
-- tenants that exist. Each tenant is bound in turn, so row-level security holds.
do $$
declare
    tenant uuid;
begin
    for tenant in select id from tenancy.tenants loop
        perform set_config('app.tenant_id', tenant::text, true);
        delete from identity.role_permissions rp
        using identity.roles r, identity.permissions p
        where rp.tenant_id = tenant and r.tenant_id = rp.tenant_id and r.id = rp.role_id
          and r.is_system and r.name = 'editor'
          and p.id = rp.permission_id and p.resource_type = 'tenant' and p.action = 'write';
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;

-- Authorisation: a global catalog of permissions (resource type + action), roles per tenant
-- (the system roles are seeded into every tenant; tenants add their own), who holds which
-- role, who owns which resource, and attribute-based policies that refine the roles.

create table identity.permissions (
    id            uuid primary key,
    resource_type text not null check (resource_type ~ '^[a-z][a-z_]{0,63}$'),
    action        text not null check (action in ('read', 'write')),
    name          text generated always as (resource_type || ':' || action) stored,
    description   text not null,
    unique (resource_type, action)
);
comment on table identity.permissions is 'global: the permission catalog';

insert into identity.permissions (id, resource_type, action, description)
select gen_random_uuid(), r.resource, a.action, initcap(replace(r.resource, '_', ' ')) || ': ' || a.action
from (values ('tenant'), ('members'), ('roles'), ('api_keys'), ('audit_logs'), ('policies'), ('social_accounts'),
             ('posts'), ('campaigns'), ('templates'), ('contacts'), ('podcasts'), ('sponsors'), ('analytics'),
             ('attribution'), ('assets'), ('products'), ('billing'), ('integrations'), ('webhooks'), ('reports'),
             ('experiments'), ('compliance')) as r(resource)
cross join (values ('read'), ('write')) as a(action);

create table identity.roles (
    tenant_id   uuid        not null references tenancy.tenants (id),
    id          uuid        not null,
    name        text        not null check (name ~ '^[a-z0-9_-]{1,64}$'),
    description text,
    is_system   boolean     not null default false,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, name)
);
select platform.isolate_tenant_rows('identity.roles');

create table identity.role_permissions (
    tenant_id     uuid not null,
    role_id       uuid not null,
    permission_id uuid not null references identity.permissions (id),
    granted_at    timestamptz not null,
    primary key (tenant_id, role_id, permission_id),
    foreign key (tenant_id, role_id) references identity.roles (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('identity.role_permissions');

-- Roles held besides the membership's own role.
create table identity.user_roles (
    tenant_id   uuid        not null,
    user_id     uuid        not null references identity.users (id),
    role_id     uuid        not null,
    assigned_by uuid references identity.users (id),
    assigned_at timestamptz not null,
    primary key (tenant_id, user_id, role_id),
    foreign key (tenant_id, role_id) references identity.roles (tenant_id, id) on delete cascade
);
select platform.isolate_tenant_rows('identity.user_roles');

create table identity.resource_ownership (
    tenant_id     uuid        not null references tenancy.tenants (id),
    id            uuid        not null,
    resource_type text        not null check (resource_type ~ '^[a-z][a-z_]{0,63}$'),
    resource_id   uuid        not null,
    owner_id      uuid        not null references identity.users (id),
    created_at    timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, resource_type, resource_id)
);
select platform.isolate_tenant_rows('identity.resource_ownership');

create table identity.access_control_policies (
    tenant_id         uuid        not null references tenancy.tenants (id),
    id                uuid        not null,
    name              text        not null check (length(name) between 1 and 200),
    description       text,
    policy_definition jsonb       not null check (jsonb_typeof(policy_definition) = 'object'),
    enabled           boolean     not null default true,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, name)
);
select platform.isolate_tenant_rows('identity.access_control_policies');

package io.reach.identity.access;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's roles and what they grant, from {@code identity.roles} and {@code identity.role_permissions}. */
@Repository
public class Roles {

    /** The role a workspace's creator holds: it is never delegated, and a workspace always keeps one. */
    public static final String OWNER = "owner";

    private static final String CATALOG =
            "select id, resource_type, action from identity.permissions order by resource_type, action";
    private static final String INSERT_ROLE = """
            insert into identity.roles (tenant_id, id, name, description, is_system, created_at, updated_at)
            values (:tenant, :id, :name, :description, :system, :now, :now)""";
    private static final String GRANT = """
            insert into identity.role_permissions (tenant_id, role_id, permission_id, granted_at)
            select :tenant, :roleId, p.id, :now from identity.permissions p
            where p.resource_type || ':' || p.action = any (:permissions)""";
    private static final String LIST = """
            select r.id, r.name, r.description, r.is_system,
                   coalesce(array_agg(p.resource_type || ':' || p.action order by p.resource_type, p.action)
                            filter (where p.id is not null), '{}') as permissions
            from identity.roles r
            left join identity.role_permissions rp on rp.tenant_id = r.tenant_id and rp.role_id = r.id
            left join identity.permissions p on p.id = rp.permission_id
            group by r.id, r.name, r.description, r.is_system order by r.is_system desc, r.name""";
    private static final String FIND_BY_NAME = "select id from identity.roles where name = :name";
    private static final String DELETE_CUSTOM = "delete from identity.roles where id = :id and not is_system";
    private static final String GRANTS = """
            select exists (
                select 1 from identity.roles r
                join identity.role_permissions rp on rp.tenant_id = r.tenant_id and rp.role_id = r.id
                join identity.permissions p on p.id = rp.permission_id
                where p.resource_type = :resource and p.action = :action
                  and (r.name = :role or r.id in (select role_id from identity.user_roles where user_id = :userId)))""";

    /** An assignment has no id of its own: its cursor is this digest of its user and role (see {@link #keyOf}). */
    private static final String ASSIGNMENT_KEY = "cast(md5(cast(user_id as text) || cast(role_id as text)) as uuid)";

    private static final String ASSIGNMENTS = """
            select ur.user_id, ur.role_id, r.name as role, ur.assigned_by, ur.assigned_at
            from identity.user_roles ur join identity.roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
            where (cast(:userId as uuid) is null or ur.user_id = :userId)
              and (cast(:roleId as uuid) is null or ur.role_id = :roleId)
              and (cast(:after as uuid) is null or (ur.assigned_at, ur.user_id, ur.role_id) >
                   (select assigned_at, user_id, role_id from identity.user_roles where %s = :after))
            order by ur.assigned_at, ur.user_id, ur.role_id limit :limit""".formatted(ASSIGNMENT_KEY);
    private static final String ASSIGN = """
            insert into identity.user_roles (tenant_id, user_id, role_id, assigned_by, assigned_at)
            values (:tenant, :userId, :roleId, :assignedBy, :now) on conflict do nothing""";
    private static final String UNASSIGN =
            "delete from identity.user_roles where user_id = :userId and role_id = :roleId";

    private static final String MEMBER_ROLE = """
            select m.role from identity.memberships m join identity.users u on u.id = m.user_id
            where m.tenant_id = platform.current_tenant_id() and m.user_id = :userId and m.status = 'active'
              and u.status = 'active'""";
    private static final String PERMISSIONS_OF = """
            select distinct p.resource_type || ':' || p.action from identity.roles r
            join identity.role_permissions rp on rp.tenant_id = r.tenant_id and rp.role_id = r.id
            join identity.permissions p on p.id = rp.permission_id
            where r.name = :role or r.id in (select role_id from identity.user_roles where user_id = :userId)""";
    private static final String ROLE_PERMISSIONS = """
            select p.resource_type || ':' || p.action from identity.roles r
            join identity.role_permissions rp on rp.tenant_id = r.tenant_id and rp.role_id = r.id
            join identity.permissions p on p.id = rp.permission_id where r.name = :role""";

    private final JdbcClient jdbc;
    private final Ids ids;

    /** The permissions a role grants by itself. */
    java.util.Set<String> grantsOfRole(String role) {
        return new java.util.HashSet<>(jdbc.sql(ROLE_PERMISSIONS)
                .param("role", role)
                .query(String.class)
                .list());
    }

    public record Assignment(
            UUID userId, UUID roleId, String role, @Nullable UUID assignedBy, Instant assignedAt) {}

    /** As {@code query(Assignment.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Assignment> ASSIGNMENT = new SimplePropertyRowMapper<>(Assignment.class);

    /** Extra roles (optionally of one user) in the order they were given, after the one {@code after} names. */
    public List<Assignment> assignments(@Nullable UUID userId, @Nullable UUID after, int limit) {
        return jdbc.sql(ASSIGNMENTS)
                .param("userId", userId)
                .param("roleId", null)
                .param("after", after)
                .param("limit", limit)
                .query(ASSIGNMENT)
                .list();
    }

    public Assignment assignment(UUID userId, UUID roleId) {
        return jdbc.sql(ASSIGNMENTS)
                .param("userId", userId)
                .param("roleId", roleId)
                .param("after", null)
                .param("limit", 1)
                .query(Assignment.class)
                .single();
    }

    /** The cursor key of an assignment: the UUID that {@code md5(user_id || role_id)} reads as in PostgreSQL. */
    public static UUID keyOf(Assignment assignment) {
        try {
            String text = assignment.userId().toString() + assignment.roleId();
            byte[] digest = java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(digest);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }

    public boolean assign(UUID userId, UUID roleId, @Nullable UUID assignedBy, Instant now) {
        return jdbc.sql(ASSIGN)
                        .param("tenant", TenantContext.require().value())
                        .param("userId", userId)
                        .param("roleId", roleId)
                        .param("assignedBy", assignedBy)
                        .param("now", UtcTimes.utc(now))
                        .update()
                == 1;
    }

    public boolean unassign(UUID userId, UUID roleId) {
        return jdbc.sql(UNASSIGN)
                        .param("userId", userId)
                        .param("roleId", roleId)
                        .update()
                == 1;
    }

    Roles(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public record Permission(UUID id, String resourceType, String action) {
        String key() {
            return resourceType + ":" + action;
        }
    }

    /** As {@code query(Permission.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Permission> PERMISSION = new SimplePropertyRowMapper<>(Permission.class);

    public record RoleView(
            UUID id, String name, @Nullable String description, boolean isSystem, List<String> permissions) {}

    public List<Permission> catalog() {
        return jdbc.sql(CATALOG).query(PERMISSION).list();
    }

    /** Gives the current tenant the built-in roles, each with the permissions {@link SystemRoles} grants it. */
    void seedSystemRoles(Instant now) {
        List<Permission> catalog = catalog();
        for (String role : SystemRoles.NAMES) {
            List<String> granted = catalog.stream()
                    .filter(p -> SystemRoles.allows(role, p.resourceType(), p.action()))
                    .map(Permission::key)
                    .toList();
            create(role, "Built-in role", true, granted, now);
        }
    }

    public UUID create(
            String name, @Nullable String description, boolean system, List<String> permissions, Instant now) {
        UUID id = ids.next();
        UUID tenant = TenantContext.require().value();
        jdbc.sql(INSERT_ROLE)
                .param("tenant", tenant)
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("system", system)
                .param("now", UtcTimes.utc(now))
                .update();
        jdbc.sql(GRANT)
                .param("tenant", tenant)
                .param("roleId", id)
                .param("permissions", permissions.toArray(String[]::new))
                .param("now", UtcTimes.utc(now))
                .update();
        return id;
    }

    public List<RoleView> list() {
        return jdbc.sql(LIST)
                .query((rs, row) -> new RoleView(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getBoolean("is_system"),
                        List.of((String[]) rs.getArray("permissions").getArray())))
                .list();
    }

    public Optional<UUID> findByName(String name) {
        return jdbc.sql(FIND_BY_NAME).param("name", name).query(UUID.class).optional();
    }

    public boolean deleteCustom(UUID id) {
        return jdbc.sql(DELETE_CUSTOM).param("id", id).update() == 1;
    }

    /** Whether {@code userId}'s active membership in the current tenant (and its extra roles) grants the permission. */
    public boolean grantsMember(UUID userId, String resource, String action) {
        return memberRole(userId)
                .map(role -> grants(role, userId, resource, action))
                .orElse(false);
    }

    /** The role of {@code userId}'s active membership in the current tenant, while the user is active. */
    Optional<String> memberRole(UUID userId) {
        return jdbc.sql(MEMBER_ROLE).param("userId", userId).query(String.class).optional();
    }

    /** The permissions {@code role} grants, with those of the user's extra roles. */
    java.util.Set<String> permissionsOf(String role, UUID userId) {
        return new java.util.HashSet<>(jdbc.sql(PERMISSIONS_OF)
                .param("role", role)
                .param("userId", userId)
                .query(String.class)
                .list());
    }

    /** Whether the membership role, or a role given to the user, grants {@code action} on {@code resource}. */
    public boolean grants(String role, @Nullable UUID userId, String resource, String action) {
        return Boolean.TRUE.equals(jdbc.sql(GRANTS)
                .param("role", role)
                .param("userId", userId)
                .param("resource", resource)
                .param("action", action)
                .query(Boolean.class)
                .single());
    }
}

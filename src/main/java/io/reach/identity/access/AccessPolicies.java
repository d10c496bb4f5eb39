package io.reach.identity.access;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's {@code access_control_policies} and {@code resource_ownership}. */
@Repository
public class AccessPolicies {

    private static final String ENABLED =
            "select policy_definition::text from identity.access_control_policies where enabled";
    private static final String INSERT = """
            insert into identity.access_control_policies (tenant_id, id, name, description, policy_definition, enabled,
                created_at, updated_at)
            values (:tenant, :id, :name, :description, :definition::jsonb, :enabled, :now, :now)""";
    private static final String LIST = """
            select id, name, description, policy_definition::text as definition, enabled, created_at, updated_at
            from identity.access_control_policies where id > :after and (cast(:id as uuid) is null or id = :id)
            order by id limit :limit""";
    private static final String DELETE = "delete from identity.access_control_policies where id = :id";
    private static final String OWNER = """
            select owner_id from identity.resource_ownership where resource_type = :type and resource_id = :id""";
    private static final String SET_OWNER = """
            insert into identity.resource_ownership (tenant_id, id, resource_type, resource_id, owner_id, created_at)
            values (:tenant, :rowId, :type, :id, :owner, :now)
            on conflict (tenant_id, resource_type, resource_id) do update set owner_id = excluded.owner_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Ids ids;

    AccessPolicies(JdbcClient jdbc, JsonMapper json, Ids ids) {
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
    }

    public record PolicyView(
            UUID id,
            String name,
            @Nullable String description,
            JsonNode policyDefinition,
            boolean enabled,
            Instant createdAt,
            Instant updatedAt) {}

    public List<AccessPolicy> enabled() {
        return jdbc.sql(ENABLED).query(String.class).list().stream()
                .map(text -> AccessPolicy.from(json.readTree(text)))
                .toList();
    }

    public UUID create(String name, @Nullable String description, JsonNode definition, boolean enabled, Instant now) {
        UUID id = ids.next();
        jdbc.sql(INSERT)
                .param("tenant", TenantContext.require().value())
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("definition", definition.toString())
                .param("enabled", enabled)
                .param("now", UtcTimes.utc(now))
                .update();
        return id;
    }

    /** Policies in the order they were added (ids are UUIDv7), after {@code after}. */
    public List<PolicyView> page(UUID after, int limit) {
        return list(after, null, limit);
    }

    public Optional<PolicyView> find(UUID id) {
        return list(new UUID(0, 0), id, 1).stream().findFirst();
    }

    private List<PolicyView> list(UUID after, @Nullable UUID id, int limit) {
        return jdbc.sql(LIST)
                .param("after", after)
                .param("id", id)
                .param("limit", limit)
                .query((rs, row) -> new PolicyView(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("description"),
                        json.readTree(rs.getString("definition")),
                        rs.getBoolean("enabled"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getObject("updated_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list();
    }

    public boolean delete(UUID id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    public Optional<UUID> ownerOf(String resourceType, UUID resourceId) {
        return jdbc.sql(OWNER)
                .param("type", resourceType)
                .param("id", resourceId)
                .query(UUID.class)
                .optional();
    }

    public void setOwner(String resourceType, UUID resourceId, UUID ownerId, Instant now) {
        jdbc.sql(SET_OWNER)
                .param("tenant", TenantContext.require().value())
                .param("rowId", ids.next())
                .param("type", resourceType)
                .param("id", resourceId)
                .param("owner", ownerId)
                .param("now", UtcTimes.utc(now))
                .update();
    }
}

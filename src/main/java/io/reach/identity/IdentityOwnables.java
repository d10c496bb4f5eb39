package io.reach.identity;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Members (memberships and open invitations), roles and access policies can be owned. */
@Component
class IdentityOwnables implements OwnableResources {

    private static final Map<String, String> EXISTS = Map.of(
            "members", """
                    select exists (select 1 from identity.memberships where id = :id)
                        or exists (select 1 from identity.invitations where id = :id)""",
            "roles", "select exists (select 1 from identity.roles where id = :id)",
            "policies", "select exists (select 1 from identity.access_control_policies where id = :id)");

    private final JdbcClient jdbc;

    IdentityOwnables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> types() {
        return EXISTS.keySet();
    }

    @Override
    public boolean exists(String type, UUID id) {
        String query = EXISTS.get(type);
        return query != null && jdbc.sql(query).param("id", id).query(Boolean.class).single();
    }
}

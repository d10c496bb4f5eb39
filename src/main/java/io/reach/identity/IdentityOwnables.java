package io.reach.identity;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Members (memberships and open invitations), roles and access policies can be owned. */
@Component
class IdentityOwnables extends OwnableResources.ByQuery {

    private static final Map<String, String> EXISTS = Map.of(
            "members", """
                    select exists (select 1 from identity.memberships where id = :id)
                        or exists (select 1 from identity.invitations where id = :id)""",
            "roles", "select exists (select 1 from identity.roles where id = :id)",
            "policies", "select exists (select 1 from identity.access_control_policies where id = :id)");

    IdentityOwnables(JdbcClient jdbc) {
        super(jdbc, EXISTS);
    }
}

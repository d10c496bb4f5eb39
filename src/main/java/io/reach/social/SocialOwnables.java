package io.reach.social;

import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.reach.identity.OwnableResources;

/** Connected social accounts can be owned. */
@Component
class SocialOwnables implements OwnableResources {

    private static final String TYPE = "social_accounts";
    private static final String EXISTS = "select exists (select 1 from social.social_accounts where id = :id)";

    private final JdbcClient jdbc;

    SocialOwnables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public boolean exists(String type, UUID id) {
        return TYPE.equals(type) && jdbc.sql(EXISTS).param("id", id).query(Boolean.class).single();
    }
}

package io.reach.publishing;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.reach.identity.OwnableResources;

/** Under {@code posts}: posts, published social posts and automations, as the API's paths name them. */
@Component
class PublishingOwnables implements OwnableResources {

    private static final Map<String, String> EXISTS = Map.of("posts", """
            select exists (select 1 from publishing.posts where id = :id)
                or exists (select 1 from publishing.social_posts where id = :id)
                or exists (select 1 from publishing.automations where id = :id)""");

    private final JdbcClient jdbc;

    PublishingOwnables(JdbcClient jdbc) {
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

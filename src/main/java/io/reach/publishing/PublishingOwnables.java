package io.reach.publishing;

import io.reach.identity.OwnableResources;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Under {@code posts}: posts, published social posts and automations, as the API's paths name them. */
@Component
class PublishingOwnables extends OwnableResources.ByQuery {

    private static final Map<String, String> EXISTS = Map.of("posts", """
            select exists (select 1 from publishing.posts where id = :id)
                or exists (select 1 from publishing.social_posts where id = :id)
                or exists (select 1 from publishing.automations where id = :id)""");

    PublishingOwnables(JdbcClient jdbc) {
        super(jdbc, EXISTS);
    }
}

package io.reach.social;

import io.reach.identity.OwnableResources;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Connected social accounts can be owned. */
@Component
class SocialOwnables extends OwnableResources.ByQuery {

    private static final Map<String, String> EXISTS =
            Map.of("social_accounts", "select exists (select 1 from social.social_accounts where id = :id)");

    SocialOwnables(JdbcClient jdbc) {
        super(jdbc, EXISTS);
    }
}

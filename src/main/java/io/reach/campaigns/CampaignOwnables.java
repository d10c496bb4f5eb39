package io.reach.campaigns;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.reach.identity.OwnableResources;

/** Campaigns, e-mail and SMS campaigns ({@code campaign_sends}) and templates (by lineage, as the API names them) can be owned. */
@Component
class CampaignOwnables implements OwnableResources {

    private static final Map<String, String> EXISTS = Map.of(
            "campaigns", "select exists (select 1 from campaigns.campaigns where id = :id)",
            "campaign_sends", """
                    select exists (select 1 from campaigns.email_campaigns where id = :id)
                        or exists (select 1 from campaigns.sms_campaigns where id = :id)""",
            "templates", "select exists (select 1 from campaigns.templates where lineage_id = :id)");

    private final JdbcClient jdbc;

    CampaignOwnables(JdbcClient jdbc) {
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

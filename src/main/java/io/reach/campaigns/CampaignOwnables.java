package io.reach.campaigns;

import io.reach.identity.OwnableResources;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Campaigns, e-mail and SMS campaigns ({@code campaign_sends}) and templates (by lineage, as the API names them) can be owned. */
@Component
class CampaignOwnables extends OwnableResources.ByQuery {

    private static final Map<String, String> EXISTS = Map.of(
            "campaigns", "select exists (select 1 from campaigns.campaigns where id = :id)",
            "campaign_sends", """
                    select exists (select 1 from campaigns.email_campaigns where id = :id)
                        or exists (select 1 from campaigns.sms_campaigns where id = :id)""",
            "templates", "select exists (select 1 from campaigns.templates where lineage_id = :id)");

    CampaignOwnables(JdbcClient jdbc) {
        super(jdbc, EXISTS);
    }
}

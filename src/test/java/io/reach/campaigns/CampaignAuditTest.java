package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Campaigns and templates leave audit entries like posts and tenants do: who changed which one, and how (#15.3). */
@ReachTest
class CampaignAuditTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Test
    void everyChangeToACampaignIsAuditedWithWhoMadeIt() {
        Accounts.SignedIn ada = accounts.owner();
        var flows = new CampaignFlows(api);
        UUID campaign = flows.activeCampaign(ada.accessToken(), ", \"budget_allocated\": 100");
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/spend", ada.accessToken(), "{\"amount\": 5}")
                        .status())
                .isEqualTo(200);

        List<Map<String, @Nullable Object>> rows = audit(ada, "campaign", campaign);

        assertThat(rows)
                .extracting(row -> row.get("action"))
                .containsExactly("campaign.created", "campaign.status_changed", "campaign.spent");
        assertThat(rows).extracting(row -> row.get("user_id")).containsOnly(ada.userId());
        assertThat(rows.get(1)).containsEntry("status_to", "active");
    }

    @Test
    void everyVersionOfATemplateIsAudited() {
        Accounts.SignedIn ada = accounts.owner();
        UUID template = new CampaignFlows(api).template(ada.accessToken(), EmailCampaignTest.TEMPLATE);
        assertThat(api.put("/api/v1/templates/" + template, ada.accessToken(), """
                {"template_content": {"subject": "v2", "html": "<p>v2</p>"}}""")
                        .status())
                .isEqualTo(200);

        assertThat(audit(ada, "template", template))
                .extracting(row -> row.get("action"))
                .containsExactly("template.created", "template.edited");
    }

    private List<Map<String, @Nullable Object>> audit(Accounts.SignedIn who, String type, UUID id) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + who.tenantId() + "'");
            return jdbc.queryForList("""
                    select action, user_id, new_values ->> 'to' as status_to from audit.audit_logs
                    where resource_type = ? and resource_id = ? order by occurred_at, id""", type, id.toString());
        });
    }
}

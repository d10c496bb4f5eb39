package io.reach.campaigns;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.demo.DemoSeed;
import io.reach.platform.demo.DemoWorkspace;
import io.reach.platform.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's campaign, "Autumn sale": planned a month ago, booked, then live and active, with a few
 * manual spends over the month. Made through {@link CampaignManagement}; the dates of its history
 * are then moved back to when they would have happened, since that cannot be re-lived.
 */
@Component
class CampaignDemoSeed implements DemoSeed {

    /** The campaign's name, by which the e-mail campaign's seed finds it. */
    static final String NAME = "Autumn sale";

    private final CampaignManagement campaigns;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;

    CampaignDemoSeed(CampaignManagement campaigns, TenantTransactions transactions, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 41;
    }

    @Override
    public String describe() {
        return "an active campaign with a budget and spends";
    }

    @Override
    public void seed(DemoWorkspace workspace) {
        UUID owner = workspace.owner().userId();
        Instant now = workspace.now();
        Instant planned = now.minus(workspace.days(), ChronoUnit.DAYS);
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        settings.put("cost_per_email", new BigDecimal("0.02"));
        UUID id = campaigns.create(
                owner,
                new EditCampaign(
                        NAME,
                        "Knitwear, boots and blankets at 20% off: e-mail to our newsletter readers, posts and ads.",
                        null,
                        now.minus(14, ChronoUnit.DAYS),
                        now.plus(14, ChronoUnit.DAYS),
                        new BigDecimal("2500.00"),
                        "GBP",
                        "planning",
                        null,
                        settings));
        campaigns.enterStage(id, CampaignStage.BOOKED);
        campaigns.moveTo(id, CampaignStatus.ACTIVE);
        campaigns.enterStage(id, CampaignStage.LIVE);
        String[][] spends = {
            {"350.00", "Instagram ads, first week"},
            {"420.50", "Instagram ads, second week"},
            {"180.00", "Photography for the lookbook"},
            {"95.25", "Printed flyers for the shop"}
        };
        for (String[] spend : spends) {
            campaigns.spend(owner, id, new BigDecimal(spend[0]), spend[1]);
        }
        backdate(id, planned, now);
    }

    /** Spreads the history recorded just now over the month it would have taken. */
    private void backdate(UUID id, Instant planned, Instant now) {
        transactions.inTransaction(() -> {
            jdbc.sql("update campaigns.campaigns set created_at = :planned, stage_changed_at = :live where id = :id")
                    .param("planned", utc(planned))
                    .param("live", utc(now.minus(14, ChronoUnit.DAYS)))
                    .param("id", id)
                    .update();
            jdbc.sql("""
                    update campaigns.stage_changes set changed_at = case to_stage
                        when 'planning' then :planned when 'booked' then :booked else :live end
                    where campaign_id = :id""")
                    .param("planned", utc(planned))
                    .param("booked", utc(planned.plus(9, ChronoUnit.DAYS)))
                    .param("live", utc(now.minus(14, ChronoUnit.DAYS)))
                    .param("id", id)
                    .update();
            jdbc.sql("""
                    update campaigns.budget_entries e set created_at = cast(:live as timestamptz) + n.rank * interval '4 days'
                    from (select id, row_number() over (order by id) as rank from campaigns.budget_entries
                          where campaign_id = :id) n
                    where e.id = n.id and e.campaign_id = :id""")
                    .param("live", utc(now.minus(20, ChronoUnit.DAYS)))
                    .param("id", id)
                    .update();
        });
    }
}

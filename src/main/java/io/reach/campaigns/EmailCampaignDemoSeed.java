package io.reach.campaigns;

import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.Recipients;
import io.reach.campaigns.sending.Sending;
import io.reach.campaigns.templates.TemplateType;
import io.reach.campaigns.templates.Templates;
import io.reach.identity.UserPrincipal;
import io.reach.measurement.EngagementEvents;
import io.reach.platform.demo.DemoSeed;
import io.reach.platform.demo.DemoWorkspace;
import io.reach.platform.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's sent e-mail campaign: the autumn sale newsletter, made and given 300 readers through
 * the services, then recorded as its sending ten days ago would have recorded it: each send's
 * delivery, bounce, opens, clicks and unsubscribes over the days after, and the opens and clicks
 * as engagement events for the daily chart.
 */
@Component
class EmailCampaignDemoSeed implements DemoSeed {

    static final int RECIPIENTS = 300;
    private static final BigDecimal COST = new BigDecimal("0.02");
    private static final List<String> FIRST = List.of(
            "Amelia", "Oliver", "Isla", "Noah", "Ava", "Leo", "Mia", "Arthur", "Grace", "Oscar", "Freya", "Theo",
            "Lily", "Finn", "Ella", "Jack", "Sofia", "Harry", "Maya", "George");
    private static final List<String> LAST = List.of(
            "Smith", "Jones", "Taylor", "Brown", "Evans", "Wilson", "Patel", "Khan", "Walker", "Wright", "Green",
            "Hall", "Clarke", "Lewis", "Hughes");

    private final MessageCampaigns messageCampaigns;
    private final Sending sending;
    private final Templates templates;
    private final CampaignsForSending budgets;
    private final EngagementEvents events;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;

    EmailCampaignDemoSeed(
            MessageCampaigns messageCampaigns,
            Sending sending,
            Templates templates,
            CampaignsForSending budgets,
            EngagementEvents events,
            TenantTransactions transactions,
            JdbcClient jdbc) {
        this.messageCampaigns = messageCampaigns;
        this.sending = sending;
        this.templates = templates;
        this.budgets = budgets;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 42;
    }

    @Override
    public String describe() {
        return "an e-mail campaign sent to 300 readers ten days ago, with its opens and clicks";
    }

    @Override
    public void seed(DemoWorkspace workspace) {
        UserPrincipal owner = new UserPrincipal(
                workspace.owner().userId(),
                workspace.tenant(),
                workspace.owner().membershipId(),
                workspace.owner().role(),
                workspace.owner().email(),
                Set.of("*"),
                "user");
        UUID campaign = idOf("select id from campaigns.campaigns where name = :name", CampaignDemoSeed.NAME);
        UUID template = idOf(
                "select id from campaigns.templates where template_name = :name and latest", "Autumn sale newsletter");
        UUID email = messageCampaigns.createEmail(
                owner,
                new MessageCampaigns.NewEmailCampaign(
                        campaign, template, null, null, null, null, "news@shop.example", "Demo Shop", null));
        var content = transactions.inTransaction(
                () -> templates.usable(template, null, TemplateType.EMAIL).content());
        sending.add(Channel.EMAIL, email, owner, readers(), id -> content);
        Instant sent = workspace
                .now()
                .atZone(workspace.zone())
                .minusDays(10)
                .with(LocalTime.of(10, 0))
                .toInstant();
        List<EmailDemoHistory.Outcome> outcomes = transactions.inTransaction(() -> {
            budgets.reserve(campaign, Channel.EMAIL, COST, RECIPIENTS);
            return new EmailDemoHistory(jdbc, workspace).record(campaign, email, sent);
        });
        String page = "/email-campaigns/" + email;
        for (EmailDemoHistory.Outcome outcome : outcomes) {
            events.record(
                    workspace.tenant(),
                    new EngagementEvents.Engagement(
                            outcome.type(), page, outcome.send().toString(), outcome.url(), null, false, outcome.at()));
        }
    }

    private List<Recipients.Given> readers() {
        List<Recipients.Given> readers = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            String first = FIRST.get(i % FIRST.size());
            String last = LAST.get((i / FIRST.size()) % LAST.size());
            readers.add(new Recipients.Given(
                    (first + "." + last + i).toLowerCase() + "@example.com",
                    null,
                    first + " " + last,
                    Map.of("first_name", first)));
        }
        return readers;
    }

    private UUID idOf(String sql, String name) {
        return transactions.inTransaction(() ->
                jdbc.sql(sql + " limit 1").param("name", name).query(UUID.class).single());
    }
}

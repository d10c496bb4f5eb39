package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.Pages;
import io.reach.support.ReachTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Campaigns' lists answer {items, next_cursor}: daily analytics with every day, versions and participants paged (#14.10). */
@ReachTest
class CampaignListsTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Test
    void dailyEmailAnalyticsHaveEveryDaySinceTheCampaignWasCreated() {
        Accounts.SignedIn ada = accounts.owner();
        var flows = new CampaignFlows(api);
        UUID template = flows.template(ada.accessToken(), EmailCampaignTest.TEMPLATE);
        UUID email = flows.emailCampaign(ada.accessToken(), flows.activeCampaign(ada.accessToken(), ""), template);
        inTenant(
                ada,
                "update campaigns.email_campaigns set created_at = now() - interval '3 days' where id = '" + email
                        + "'");

        JsonNode days = Pages.whole(api, "/api/v1/email-campaigns/" + email + "/analytics/daily", ada.accessToken());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(days.valueStream().map(day -> day.get("day").asString()))
                .containsExactly(
                        today.minusDays(3).toString(),
                        today.minusDays(2).toString(),
                        today.minusDays(1).toString(),
                        today.toString());
        assertThat(days.valueStream()
                        .map(day ->
                                day.get("opens").asLong() + day.get("clicks").asLong()))
                .containsOnly(0L);
        assertThat(Pages.whole(api, "/api/v1/campaigns/top", ada.accessToken()).size())
                .isLessThanOrEqualTo(10);
        assertThat(Pages.whole(api, "/api/v1/templates/top", ada.accessToken()).size())
                .isLessThanOrEqualTo(10);
    }

    @Test
    void aTemplatesVersionsArePagedNewestFirst() {
        Accounts.SignedIn ada = accounts.owner();
        UUID template = new CampaignFlows(api).template(ada.accessToken(), EmailCampaignTest.TEMPLATE);
        for (int version = 2; version <= 3; version++) {
            assertThat(api.put("/api/v1/templates/" + template, ada.accessToken(), """
                    {"template_content": {"subject": "v%d", "html": "<p>v%d</p>"}}""".formatted(version, version))
                            .status())
                    .isEqualTo(200);
        }

        Pages.Walk walk = Pages.walk(api, "/api/v1/templates/" + template + "/versions", ada.accessToken(), 2);

        assertThat(walk.pages()).isEqualTo(2);
        assertThat(walk.items().stream().map(version -> version.get("version").asInt()))
                .containsExactly(3, 2, 1);
    }

    @Test
    void participantsArePagedInTheOrderTheyJoined() {
        Accounts.SignedIn ada = accounts.owner();
        UUID campaign = new CampaignFlows(api).activeCampaign(ada.accessToken(), "");
        List<UUID> retailers = Stream.generate(() -> accounts.owner().userId())
                .limit(3)
                .sorted(Comparator.reverseOrder())
                .toList();
        for (int i = 0; i < retailers.size(); i++) {
            inTenant(
                    ada,
                    "insert into campaigns.campaign_participants (tenant_id, campaign_id, retailer_id, joined_at)"
                            + " values ('%s', '%s', '%s', now() - interval '%d hours')"
                                    .formatted(ada.tenantId(), campaign, retailers.get(i), 10 - i));
        }

        Pages.Walk walk = Pages.walk(api, "/api/v1/campaigns/" + campaign + "/participants", ada.accessToken(), 2);

        assertThat(walk.pages()).isEqualTo(2);
        assertThat(walk.items().stream()
                        .map(participant ->
                                UUID.fromString(participant.get("retailer_id").asString())))
                .as("by when they joined, not by id")
                .containsExactlyElementsOf(retailers);
    }

    @Test
    void campaignAnalyticsListsAnswerCsvAndOneCampaignsFiguresRefuseIt() {
        Accounts.SignedIn ada = accounts.owner();
        var flows = new CampaignFlows(api);
        UUID campaign = flows.activeCampaign(ada.accessToken(), "");
        UUID email = flows.emailCampaign(
                ada.accessToken(), campaign, flows.template(ada.accessToken(), EmailCampaignTest.TEMPLATE));
        inTenant(
                ada,
                "update campaigns.email_campaigns set created_at = now() - interval '2 days' where id = '" + email
                        + "'");

        var daily = api.get("/api/v1/email-campaigns/" + email + "/analytics/daily?format=csv", ada.accessToken());
        var top = api.send("GET", "/api/v1/campaigns/top", ada.accessToken(), null, List.of("Accept", "text/csv"));

        assertThat(daily.contentType()).startsWith("text/csv");
        assertThat(daily.body().lines())
                .containsExactly(
                        "day,opens,clicks",
                        LocalDate.now(ZoneOffset.UTC).minusDays(2) + ",0,0",
                        LocalDate.now(ZoneOffset.UTC).minusDays(1) + ",0,0",
                        LocalDate.now(ZoneOffset.UTC) + ",0,0");
        assertThat(top.contentType()).startsWith("text/csv");
        assertThat(top.body().lines().findFirst().orElseThrow()).startsWith("campaign_id,name,status,");
        assertThat(api.get("/api/v1/templates/top?format=csv", ada.accessToken())
                        .status())
                .as("not an analytics read")
                .isEqualTo(400);
        assertThat(api.get("/api/v1/email-campaigns/" + email + "/analytics?format=csv", ada.accessToken())
                        .status())
                .isEqualTo(400);
        var object = api.send(
                "GET",
                "/api/v1/campaigns/" + campaign + "/analytics",
                ada.accessToken(),
                null,
                List.of("Accept", "text/csv"));
        assertThat(object.status()).as(object.body()).isEqualTo(406);
    }

    private void inTenant(Accounts.SignedIn who, String statement) {
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + who.tenantId() + "'");
            jdbc.execute(statement);
        });
    }
}

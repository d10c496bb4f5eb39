package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Campaign rules: guarded status moves, budgets under concurrent spends, retailers, and tenant isolation. */
@ReachTest
class CampaignAccessTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void concurrentSpendsNeverTakeTheBudgetPastItsAllocation() throws Exception {
        String token = accounts.owner().accessToken();
        UUID campaign = new CampaignFlows(api).activeCampaign(token, ", \"budget_allocated\": 100.00");
        List<Callable<Integer>> spends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            spends.add(() -> api.post(
                            "/api/v1/campaigns/" + campaign + "/spend",
                            token,
                            "{\"amount\": 7.00, \"note\": \"ad slot\"}")
                    .status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (Future<Integer> status : pool.invokeAll(spends)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(14);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(6);
        JsonNode after = api.get("/api/v1/campaigns/" + campaign, token).json();
        assertThat(after.get("budget_spent").decimalValue()).isEqualByComparingTo("98.00");
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/budget-entries?limit=200", token)
                        .json()
                        .get("items"))
                .hasSize(14);
        var lowered = api.put("/api/v1/campaigns/" + campaign, token, "{\"name\": \"x\", \"budget_allocated\": 50}");
        assertThat(lowered.status()).as("allocation below the spend").isEqualTo(400);
    }

    @Test
    void aTenantThatAllowsOverspendCanSpendPastTheAllocation() {
        Accounts.SignedIn ada = accounts.owner();
        api.put(
                "/api/v1/admin/tenants/" + ada.tenantId() + "/settings",
                Api.ADMIN,
                "{\"allow_budget_overspend\": true}");
        UUID campaign = new CampaignFlows(api).activeCampaign(ada.accessToken(), ", \"budget_allocated\": 10");
        var spent = api.post("/api/v1/campaigns/" + campaign + "/spend", ada.accessToken(), "{\"amount\": 25}");
        assertThat(spent.status()).as(spent.body()).isEqualTo(200);
        assertThat(spent.json().get("budget_spent").decimalValue()).isEqualByComparingTo("25");
    }

    @Test
    void statusMovesAreGuardedAndStagesRecordWhenTheyChanged() {
        String token = accounts.owner().accessToken();
        var created = api.post("/api/v1/campaigns", token, """
                {"name": "Podcast flight", "stage": "proposal", "target_audience": {"age": "25-34"},
                 "campaign_settings": {"cost_per_email": 0.002}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        assertThat(api.post("/api/v1/campaigns/" + id + "/status", token, "{\"status\": \"completed\"}")
                        .status())
                .as("a draft cannot complete")
                .isEqualTo(409);
        assertThat(api.post("/api/v1/campaigns/" + id + "/status", token, "{\"status\": \"flying\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/campaigns/" + id + "/status", token, "{\"status\": \"active\"}")
                        .status())
                .isEqualTo(200);
        String before = created.json().get("stage_changed_at").asString();
        JsonNode staged = api.post("/api/v1/campaigns/" + id + "/stage", token, "{\"stage\": \"booked\"}")
                .json();
        assertThat(staged.get("stage").asString()).isEqualTo("booked");
        assertThat(staged.get("stage_changed_at").asString()).isNotEqualTo(before);
        assertThat(api.post("/api/v1/campaigns", token, "{\"name\": \"x\", \"campaign_settings\": {\"colour\": 1}}")
                        .body())
                .contains("campaign_settings.colour");
        for (String rate : List.of("0", "100001", "4294967297", "2.5", "\"fast\"")) {
            assertThat(api.post(
                                    "/api/v1/campaigns",
                                    token,
                                    "{\"name\": \"x\", \"campaign_settings\": {\"rate_per_second\": " + rate + "}}")
                            .body())
                    .as("rate_per_second " + rate)
                    .contains("campaign_settings.rate_per_second");
        }
        assertThat(api.post(
                                "/api/v1/campaigns",
                                token,
                                "{\"name\": \"x\", \"campaign_settings\": {\"rate_per_second\": 100000}}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/campaigns",
                                token,
                                "{\"name\": \"x\", \"start_date\": \"2026-12-02T00:00:00Z\","
                                        + " \"end_date\": \"2026-12-01T00:00:00Z\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/campaigns", token, "{\"name\": ").status()).isEqualTo(400);
    }

    @Test
    void retailersJoinCampaignsAndSendOnlyTheirOwn() {
        var flows = new CampaignFlows(api);
        Accounts.SignedIn brand = accounts.owner();
        String retailer = accounts.member(brand, "retailer", fixtures);
        UUID template = flows.template(brand.accessToken(), EmailCampaignTest.TEMPLATE);
        UUID campaign = flows.activeCampaign(brand.accessToken(), "");
        assertThat(api.post("/api/v1/campaigns", retailer, "{\"name\": \"mine\"}")
                        .status())
                .as("retailers do not create campaigns")
                .isEqualTo(403);
        var early = api.post("/api/v1/email-campaigns", retailer, """
                {"campaign_id": "%s", "template_id": "%s", "sender_email": "shop@retail.example"}""".formatted(campaign, template));
        assertThat(early.status()).as("not yet a participant").isEqualTo(409);
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/participants", retailer, "")
                        .status())
                .isEqualTo(200);
        UUID own = flows.emailCampaign(retailer, campaign, template);
        UUID brands = flows.emailCampaign(brand.accessToken(), campaign, template);
        assertThat(api.get("/api/v1/email-campaigns/" + brands, retailer).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/email-campaigns?campaign_id=" + campaign, retailer)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(e -> e.get("id").asString()))
                .containsExactly(own.toString());
        api.post("/api/v1/email-campaigns/" + own + "/recipients", retailer, """
                {"recipients": [{"email": "buyer@%s.example", "variables": {"first_name": "B"}}]}""".formatted(UUID.randomUUID()));
        assertThat(api.post("/api/v1/email-campaigns/" + own + "/send", retailer, "")
                        .status())
                .isEqualTo(202);
        flows.awaitProcessed(retailer, own);
        JsonNode usage = api.get("/api/v1/templates/" + template + "/usage", brand.accessToken())
                .json();
        assertThat(usage.get("stats").get("unique_retailers_count").asLong()).isEqualTo(1);
        assertThat(usage.get("retailers")).singleElement().satisfies(row -> {
            assertThat(row.get("campaigns_joined").asInt()).isEqualTo(1);
            assertThat(row.get("total_sends").asLong()).isEqualTo(1);
            assertThat(row.get("campaign_id").asString()).isEqualTo(campaign.toString());
        });
    }

    @Test
    void oneTenantCannotReadOrSendAnothersCampaignsTemplatesOrRecipients() {
        var flows = new CampaignFlows(api);
        String a = accounts.owner().accessToken();
        String b = accounts.owner().accessToken();
        UUID template = flows.template(a, EmailCampaignTest.TEMPLATE);
        UUID campaign = flows.activeCampaign(a, "");
        UUID email = flows.emailCampaign(a, campaign, template);
        api.post("/api/v1/email-campaigns/" + email + "/recipients", a, """
                {"recipients": [{"email": "secret@%s.example", "variables": {"first_name": "S"}}]}""".formatted(UUID.randomUUID()));
        String sendId = api.get("/api/v1/email-campaigns/" + email + "/sends", a)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();

        for (String path : List.of(
                "/api/v1/campaigns/" + campaign,
                "/api/v1/templates/" + template,
                "/api/v1/templates/" + template + "/versions",
                "/api/v1/email-campaigns/" + email,
                "/api/v1/email-campaigns/" + email + "/sends",
                "/api/v1/email-campaigns/" + email + "/sends/" + sendId,
                "/api/v1/email-campaigns/" + email + "/analytics",
                "/api/v1/campaigns/" + campaign + "/analytics")) {
            assertThat(api.get(path, b).status()).as(path).isEqualTo(404);
        }
        assertThat(api.post("/api/v1/email-campaigns/" + email + "/send", b, "").status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/email-campaigns/" + email + "/recipients",
                                b,
                                "{\"recipients\": [{\"email\": \"x@y.example\", \"variables\": {\"first_name\": \"X\"}}]}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/email-campaigns", b, """
                {"campaign_id": "%s", "template_id": "%s", "sender_email": "b@b.example"}""".formatted(campaign, template))
                        .status())
                .isEqualTo(404);
        assertThat(api.put(
                                "/api/v1/templates/" + template,
                                b,
                                "{\"template_content\": {\"subject\": \"x\", \"html\": \"x\"}}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/spend", b, "{\"amount\": 1}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns", b).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/templates", b).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/email-campaigns", b).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/campaigns/top", b).json().get("items")).isEmpty();
    }
}

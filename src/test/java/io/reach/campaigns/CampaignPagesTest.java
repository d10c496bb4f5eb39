package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's campaign pages: a marketer creates a campaign, finds it in the list with its budget
 * bar, edits it, records spend, moves its stage and status, and sees who takes part; the API's
 * refusals show next to the fields; people without the permission and other workspaces get nothing.
 */
@ReachTest
class CampaignPagesTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void aCreatedCampaignIsListedWithItsStatusStageAndBudgetBar() {
        Browser ada = Browser.signedIn(api, accounts.owner());
        assertThat(ada.get("/app/campaigns").body()).contains("No campaign yet");

        String id = create(ada, "Spring launch", "500");
        ada.get("/app/campaigns/" + id);
        assertThat(ada.post("/app/campaigns/" + id + "/spend", Map.of("amount", "120.50", "note", "Printing"))
                        .statusCode())
                .isEqualTo(302);

        String list = ada.get("/app/campaigns").body();
        assertThat(list)
                .contains("<a href=\"/app/campaigns/" + id + "\">Spring launch</a>")
                .contains("status-draft")
                .contains("<td>planning</td>")
                .contains("<meter class=\"budget\" min=\"0\" max=\"500.00\" value=\"120.50\"")
                .contains("120.50 of 500.00 EUR")
                .doesNotContain("No campaign yet");
    }

    @Test
    void theFormShowsTheApisFieldErrorsNextToTheFields() {
        Browser ada = Browser.signedIn(api, accounts.owner());
        ada.get("/app/campaigns");

        var unreadable = ada.post("/app/campaigns", Map.of("name", "", "budget_allocated", "lots", "currency", "euro"));
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body())
                .contains("id=\"name-error\"")
                .contains("<p class=\"error\" id=\"budget_allocated-error\">must be an amount such as 1200.50</p>")
                .contains("id=\"currency-error\"")
                .contains("value=\"lots\"");

        var backwards = ada.post(
                "/app/campaigns", Map.of("name", "Backwards", "start_date", "2027-03-31", "end_date", "2027-03-01"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"end_date-error\"").contains("value=\"Backwards\"");
        assertThat(ada.get("/app/campaigns").body()).contains("No campaign yet");
    }

    @Test
    void theDetailPageEditsSpendsAndMovesTheCampaign() {
        Accounts.SignedIn owner = accounts.owner();
        Browser ada = Browser.signedIn(api, owner);
        String id = create(ada, "Autumn sale", "1000");
        String page = "/app/campaigns/" + id;

        ada.get(page);
        assertThat(ada.post(page, details("Autumn sale 2027", "1500")).statusCode())
                .isEqualTo(302);
        var belowSpent = ada.post(page, details("Autumn sale 2027", "abc"));
        assertThat(belowSpent.statusCode()).isEqualTo(400);
        assertThat(belowSpent.body()).contains("id=\"budget_allocated-error\"");

        assertThat(ada.post(page + "/spend", Map.of("amount", "200", "note", "Posters"))
                        .statusCode())
                .isEqualTo(302);
        var zero = ada.post(page + "/spend", Map.of("amount", "0"));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("id=\"amount-error\"");
        var overBudget = ada.post(page + "/spend", Map.of("amount", "5000"));
        assertThat(overBudget.statusCode()).isEqualTo(409);
        assertThat(overBudget.body()).contains("role=\"alert\"").contains("exceed");

        assertThat(ada.post(page + "/stage", Map.of("stage", "proposal")).statusCode())
                .isEqualTo(302);
        assertThat(ada.post(page + "/stage", Map.of("stage", "nowhere")).statusCode())
                .isEqualTo(400);
        assertThat(ada.post(page + "/status", Map.of("status", "active")).statusCode())
                .isEqualTo(302);
        assertThat(ada.post(page + "/status", Map.of("status", "draft")).statusCode())
                .as("an active campaign does not go back to draft")
                .isEqualTo(409);

        String shown = ada.get(page).body();
        assertThat(shown)
                .contains("<title>Autumn sale 2027 · Reach</title>")
                .contains("status-active")
                .contains("200.00 of 1500.00 EUR")
                .contains("<td>Posters</td>")
                .containsPattern("<td>\\(opened\\)</td><td>planning</td>")
                .containsPattern("<td>planning</td><td>proposal</td>");

        var campaign = api.get("/api/v1/campaigns/" + id, owner.accessToken()).json();
        assertThat(campaign.get("name").asString()).isEqualTo("Autumn sale 2027");
        assertThat(campaign.get("stage").asString()).isEqualTo("proposal");
        var stages = api.get("/api/v1/campaigns/" + id + "/stages", owner.accessToken())
                .json()
                .get("items");
        assertThat(stages.size()).isEqualTo(2);
        assertThat(stages.get(0).get("to_stage").asString()).isEqualTo("proposal");
    }

    @Test
    void aRetailerJoinsAnActiveCampaignAndAnEditorRemovesThem() {
        Accounts.SignedIn owner = accounts.owner();
        Browser ada = Browser.signedIn(api, owner);
        String id = create(ada, "Retail push", "100");
        String page = "/app/campaigns/" + id;
        ada.get(page);
        ada.post(page + "/status", Map.of("status", "active"));
        assertThat(ada.get(page).body()).contains("No retailer takes part yet").doesNotContain("Join this campaign");

        var retailer = ConsoleVisitors.memberOf(owner, "retailer", api, accounts, fixtures);
        assertThat(retailer.browser().get(page).body()).contains("Join this campaign");
        assertThat(retailer.browser().post(page + "/participants", Map.of()).statusCode())
                .isEqualTo(302);

        String joined = ada.get(page).body();
        assertThat(joined).contains("<td>" + retailer.person().email() + "</td>");
        assertThat(ada.post(page + "/participants/" + retailer.person().userId() + "/remove", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(ada.get(page).body())
                .doesNotContain(retailer.person().email())
                .contains("No retailer takes part yet");
    }

    @Test
    void theListIsSearchedByName() {
        Browser ada = Browser.signedIn(api, accounts.owner());
        String alpha = create(ada, "Alpha launch", "10");
        create(ada, "Beta sale", "10");
        ada.get("/app/campaigns/" + alpha);
        ada.post("/app/campaigns/" + alpha + "/status", Map.of("status", "active"));

        String found = ada.get("/app/campaigns?name=ALPHA").body();
        assertThat(found).contains("Alpha launch").doesNotContain("Beta sale").contains("value=\"ALPHA\"");
        assertThat(ada.get("/app/campaigns?name=gamma").body()).contains("No campaign matches this search");
        assertThat(ada.get("/app/campaigns?name=&status=active").body())
                .contains("Alpha launch")
                .doesNotContain("Beta sale")
                .contains("<option value=\"active\" selected>active</option>");
    }

    @Test
    void peopleWithoutThePermissionGetNoLinkAndNoPage() {
        Accounts.SignedIn owner = accounts.owner();
        Browser ada = Browser.signedIn(api, owner);
        String id = create(ada, "Private plans", "10");
        assertThat(ada.get("/").body()).contains("href=\"/app/campaigns\"");

        var outsider =
                ConsoleVisitors.memberOf(owner, ConsoleVisitors.outsiderRole(owner, api), api, accounts, fixtures);
        assertThat(outsider.browser().get("/").body()).doesNotContain("href=\"/app/campaigns\"");
        assertThat(outsider.browser().get("/app/campaigns").statusCode()).isEqualTo(403);
        assertThat(outsider.browser().get("/app/campaigns/" + id).statusCode()).isEqualTo(403);

        var analyst = ConsoleVisitors.memberOf(owner, "analyst", api, accounts, fixtures);
        var readOnly = analyst.browser().get("/app/campaigns/" + id);
        assertThat(readOnly.statusCode()).isEqualTo(200);
        assertThat(readOnly.body())
                .as("a reader is offered no form that would answer 403")
                .contains("Private plans")
                .doesNotContain("Record spend")
                .doesNotContain("Save details")
                .doesNotContain("Change stage");
        assertThat(analyst.browser().get("/app/campaigns").body())
                .contains("Private plans")
                .doesNotContain("Create draft campaign");
        assertThat(analyst.browser()
                        .post("/app/campaigns/" + id + "/spend", Map.of("amount", "1"))
                        .statusCode())
                .as("reading is not spending")
                .isEqualTo(403);
    }

    @Test
    void anotherWorkspacesCampaignIsNotFound() {
        Browser ada = Browser.signedIn(api, accounts.owner());
        String id = create(ada, "Secret plans", "10");

        Browser bob = Browser.signedIn(api, accounts.owner());
        bob.get("/app/campaigns");
        assertThat(bob.get("/app/campaigns/" + id).statusCode()).isEqualTo(404);
        assertThat(bob.post("/app/campaigns/" + id + "/spend", Map.of("amount", "1"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(bob.get("/app/campaigns").body()).doesNotContain("Secret plans");
    }

    /** Creates a campaign through the page's form; answers its id. */
    private static String create(Browser browser, String name, String budget) {
        browser.get("/app/campaigns");
        HttpResponse<String> created = browser.post(
                "/app/campaigns",
                Map.of("name", name, "budget_allocated", budget, "currency", "EUR", "stage", "planning"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/app/campaigns/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static Map<String, String> details(String name, String budget) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("budget_allocated", budget);
        fields.put("currency", "EUR");
        return fields;
    }
}

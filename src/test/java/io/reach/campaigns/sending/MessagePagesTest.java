package io.reach.campaigns.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.campaigns.CampaignFlows;
import io.reach.campaigns.EmailCampaignTest;
import io.reach.identity.ConsoleMembers;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's e-mail campaigns, as a marketer walks them: a template and a CSV of recipients
 * (bad rows reported by row), a preview for one recipient, a test message, sending with live
 * progress, pause and resume, analytics and every recipient's send.
 */
@ReachTest
class MessagePagesTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void aMarketerCreatesAnEmailCampaignFromACsvPreviewsTestsSendsAndWatchesIt() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        String domain = "m" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var flows = new CampaignFlows(api);
        UUID template = flows.template(ada.accessToken(), EmailCampaignTest.TEMPLATE);
        UUID campaign = flows.activeCampaign(ada.accessToken(), "");
        api.post("/api/v1/suppressions/email", ada.accessToken(), "{\"address\": \"gone@" + domain + "\"}");
        Browser browser = Browser.signedIn(api, ada);

        assertThat(browser.get("/app/messages").body()).contains("No e-mail or SMS campaign yet");
        assertThat(browser.get("/app/messages/new?channel=email").body())
                .contains(">Sale</option>")
                .contains(">Spring sale</option>");
        var missing = browser.post("/app/messages/new", form(campaign, template, "not an address"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"sender-error\">is not a valid e-mail address");

        UUID id = created(browser.post("/app/messages/new", form(campaign, template, "news@brand.example")));
        String csv = """
                email,name,first_name
                ada@%1$s,Ada,Ada
                not-an-address,X,X
                gone@%1$s,Gone,Gone
                ADA@%1$s,Twice,Twice
                bob@%1$s,Bob,Bob
                """.formatted(domain);
        var report = CsvUploads.upload(api, browser, "/app/messages/" + id + "/recipients", bytes(csv));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body())
                .contains("<strong>2</strong> rows accepted; <strong>3</strong> rows refused")
                .contains("<tr><td>3</td><td>email is not a valid e-mail address</td></tr>")
                .contains("<tr><td>4</td><td>suppressed: the address is on the suppression list</td></tr>")
                .contains("<tr><td>5</td><td>duplicate: the address is on an earlier row</td></tr>");

        assertThat(browser.get("/app/messages/" + id + "/preview").body())
                .contains("Subject: <strong>Ada, the sale is on</strong>")
                .contains("Hello Ada, take 10% off.");
        assertThat(browser.get("/app/messages/" + id + "/preview?address=bob").body())
                .contains("Subject: <strong>Bob, the sale is on</strong>");
        String testers = "t" + domain;
        String tester = "tester@" + testers;
        var test = browser.post("/app/messages/" + id + "/test", Map.of("address", "bob", "to", tester));
        assertThat(test.statusCode()).as(test.body()).isEqualTo(302);
        var testMail = TestMailServer.messagesToDomain(testers, 1);
        assertThat(testMail).hasSize(1);
        assertThat(testMail.getFirst().getSubject()).isEqualTo("[Test] Bob, the sale is on");
        assertThat(browser.get("/app/messages/" + id + "/preview?sent=" + tester)
                        .body())
                .contains("Test message sent to " + tester);

        browser.get("/app/messages/" + id);
        assertThat(browser.post("/app/messages/" + id + "/send", Map.of()).statusCode())
                .isEqualTo(302);
        String finished = awaitFinished(browser, id);
        assertThat(finished)
                .contains("Status: <span class=\"status\">sent</span>")
                .contains("<progress id=\"progress-bar\" max=\"3\" value=\"3\">")
                .contains("<dt>Sent</dt><dd>2</dd>")
                .contains("<dt>Suppressed</dt><dd>1</dd>")
                .doesNotContain("hx-trigger");
        var late = CsvUploads.upload(api, browser, "/app/messages/" + id + "/recipients", bytes(csv));
        assertThat(late.statusCode())
                .as("a sent campaign takes no more recipients")
                .isEqualTo(409);
        assertThat(late.body()).contains("Recipients are added to draft or paused campaigns only");
        assertThat(TestMailServer.messagesToDomain(domain, 2))
                .as("not to the suppressed address")
                .hasSize(2);

        assertThat(browser.get("/app/messages/" + id + "/analytics").body())
                .contains("<tr><th scope=\"row\">Sent</th><td>2</td></tr>")
                .contains("<tr><th scope=\"row\">Suppressed</th><td>1</td></tr>")
                .contains("<table id=\"daily\" class=\"msg-table\">")
                .contains("<script defer src=\"/console/messaging.js\"></script>");
        assertThat(browser.get("/app/messages/" + id + "/sends").body())
                .contains("<td>ada@" + domain + "</td>")
                .contains("<td>gone@" + domain + "</td>")
                .contains("<span class=\"status\">suppressed</span>");
        assertThat(browser.get("/app/messages/" + id + "/sends?q=bob").body())
                .contains("<td>bob@" + domain + "</td>")
                .doesNotContain("<td>ada@" + domain + "</td>");
        assertThat(browser.get("/app/messages").body())
                .contains("<a href=\"/app/messages/" + id + "\">{{first_name}}, the sale is on</a>");
    }

    @Test
    void aSendingCampaignIsPausedAndResumedFromItsPage() {
        Accounts.SignedIn ada = accounts.owner();
        String domain = "p" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var flows = new CampaignFlows(api);
        UUID template = flows.template(ada.accessToken(), EmailCampaignTest.TEMPLATE);
        UUID campaign = flows.activeCampaign(ada.accessToken(), ", \"campaign_settings\": {\"rate_per_second\": 20}");
        Browser browser = Browser.signedIn(api, ada);
        browser.get("/app/messages/new?channel=email");
        UUID id = created(browser.post("/app/messages/new", form(campaign, template, "news@brand.example")));
        String csv = "email,first_name\n"
                + IntStream.range(0, 100)
                        .mapToObj(i -> "p" + i + "@" + domain + ",P" + i)
                        .collect(Collectors.joining("\n"));
        assertThat(CsvUploads.upload(api, browser, "/app/messages/" + id + "/recipients", bytes(csv))
                        .statusCode())
                .isEqualTo(200);

        browser.get("/app/messages/" + id);
        browser.post("/app/messages/" + id + "/send", Map.of());
        assertThat(browser.get("/app/messages/" + id + "/progress").body())
                .contains("hx-trigger=\"every 2s\"")
                .contains("action=\"/app/messages/" + id + "/pause\"");
        browser.get("/app/messages/" + id);
        assertThat(browser.post("/app/messages/" + id + "/pause", Map.of()).statusCode())
                .isEqualTo(302);
        String paused = browser.get("/app/messages/" + id).body();
        assertThat(paused)
                .contains("Status: <span class=\"status\">paused</span>")
                .contains("action=\"/app/messages/" + id + "/resume\"")
                .contains("action=\"/app/messages/" + id + "/cancel\"")
                .doesNotContain("hx-trigger");
        var again = browser.post("/app/messages/" + id + "/pause", Map.of());
        assertThat(again.statusCode())
                .as("a paused campaign is not paused twice")
                .isEqualTo(409);
        assertThat(again.body()).contains("role=\"alert\"");

        browser.get("/app/messages/" + id);
        assertThat(browser.post("/app/messages/" + id + "/resume", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(api.get("/api/v1/email-campaigns/" + id, ada.accessToken())
                        .json()
                        .get("email_campaign")
                        .get("status")
                        .asString())
                .isIn("sending", "sent");
    }

    @Test
    void aBadOrOversizedCsvIsA400PageAndNothingIsAdded() {
        Accounts.SignedIn ada = accounts.owner();
        var flows = new CampaignFlows(api);
        UUID template = flows.template(ada.accessToken(), EmailCampaignTest.TEMPLATE);
        UUID campaign = flows.activeCampaign(ada.accessToken(), "");
        Browser browser = Browser.signedIn(api, ada);
        browser.get("/app/messages/new?channel=email");
        UUID id = created(browser.post("/app/messages/new", form(campaign, template, "news@brand.example")));
        String path = "/app/messages/" + id + "/recipients";

        var headless = CsvUploads.upload(api, browser, path, bytes("first_name,name\nAda,Ada\n"));
        assertThat(headless.statusCode()).isEqualTo(400);
        assertThat(headless.body()).contains("id=\"csv-error\">The file needs a header row naming a email column");

        var headerOnly = CsvUploads.upload(api, browser, path, bytes("email,first_name\n"));
        assertThat(headerOnly.statusCode()).isEqualTo(400);
        assertThat(headerOnly.body()).contains("id=\"csv-error\">The file has no recipient rows after its header");

        var zip = CsvUploads.upload(
                api, browser, path, new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0, (byte) 0xff, 10});
        assertThat(zip.statusCode()).isEqualTo(400);
        assertThat(zip.body()).contains("id=\"csv-error\">The file ");

        byte[] large = new byte[950 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        var oversized = CsvUploads.upload(api, browser, path, large);
        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(oversized.body()).contains("larger than 900 KB");

        assertThat(browser.get(path).body()).contains("0 recipients so far");
    }

    @Test
    void anotherWorkspacesCampaignIsNotFoundAndMembersWithoutThePermissionAreRefused() {
        Accounts.SignedIn ada = accounts.owner();
        var flows = new CampaignFlows(api);
        UUID template = flows.template(ada.accessToken(), EmailCampaignTest.TEMPLATE);
        UUID campaign = flows.activeCampaign(ada.accessToken(), "");
        UUID id = flows.emailCampaign(ada.accessToken(), campaign, template);

        Browser stranger = Browser.signedIn(api, accounts.owner());
        for (String page : new String[] {"", "/progress", "/sends", "/analytics", "/preview", "/recipients"}) {
            assertThat(stranger.get("/app/messages/" + id + page).statusCode())
                    .as(page)
                    .isEqualTo(404);
        }
        stranger.get("/app/messages");
        assertThat(stranger.post("/app/messages/" + id + "/cancel", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/app/messages").body()).doesNotContain(id.toString());

        Browser reader = ConsoleMembers.signedInto(ada, "member", api, accounts, fixtures);
        assertThat(reader.get("/app/messages/" + id).statusCode()).isEqualTo(200);
        assertThat(reader.get("/app/messages/new?channel=email").statusCode()).isEqualTo(403);
        assertThat(reader.post("/app/messages/" + id + "/cancel", Map.of()).statusCode())
                .isEqualTo(403);

        Browser nobody = ConsoleMembers.signedInto(ada, "no-such-role", api, accounts, fixtures);
        assertThat(nobody.get("/").body()).doesNotContain("href=\"/app/messages\"");
        assertThat(nobody.get("/app/messages").statusCode()).isEqualTo(403);
        assertThat(nobody.get("/app/messages/" + id).statusCode()).isEqualTo(403);
        assertThat(reader.get("/").body()).contains("href=\"/app/messages\"");
    }

    @Test
    void anSmsCampaignIsMadeFromAnSmsTemplateAndPreviewedForOneNumber() {
        Accounts.SignedIn ada = accounts.owner();
        var flows = new CampaignFlows(api);
        UUID template = flows.template(ada.accessToken(), """
                {"template_name": "Flash", "template_type": "sms", "template_content": {
                 "body": "Hi {{first_name}}, 20% off today. Reply STOP to opt out", "variables": {"first_name": "there"}}}""");
        UUID campaign = flows.activeCampaign(ada.accessToken(), "");
        Browser browser = Browser.signedIn(api, ada);
        assertThat(browser.get("/app/messages/new?channel=sms").body())
                .contains(">Flash</option>")
                .contains("Sender number");
        Map<String, String> sms = Map.of(
                "channel",
                "sms",
                "campaign_id",
                campaign.toString(),
                "template_id",
                template.toString(),
                "sender",
                "+1 500 555 0006");
        UUID id = created(browser.post("/app/messages/new", sms));

        var report = CsvUploads.upload(
                api,
                browser,
                "/app/messages/" + id + "/recipients",
                bytes("Phone Number,First Name\n+1 415 555 0100,Ada\n12345,Short\n"));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body())
                .contains("<strong>1</strong> rows accepted; <strong>1</strong> rows refused")
                .contains("<tr><td>3</td><td>phone is not a valid international number");
        assertThat(browser.get("/app/messages/" + id + "/preview").body())
                .contains("As +14155550100 gets it")
                .contains("Hi Ada, 20% off today. Reply STOP to opt out")
                .as("an SMS campaign sends tests too")
                .contains("Send a test");
        assertThat(browser.get("/app/messages").body()).contains("<td>SMS</td>");
    }

    private static Map<String, String> form(UUID campaign, UUID template, String sender) {
        return Map.of(
                "channel",
                "email",
                "campaign_id",
                campaign.toString(),
                "template_id",
                template.toString(),
                "sender",
                sender,
                "sender_name",
                "Brand");
    }

    private static UUID created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.replaceAll(".*/app/messages/([^/]+)/recipients$", "$1"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String awaitFinished(Browser browser, UUID id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String fragment;
        do {
            fragment = browser.get("/app/messages/" + id + "/progress").body();
            if (fragment.contains("data-polling=\"off\"")) {
                return fragment;
            }
            CampaignFlows.sleep(100);
        } while (Instant.now().isBefore(deadline));
        return fragment;
    }
}

package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Campaigns to a segment or a list reach exactly its subscribed, confirmed contacts, never a suppressed address. */
@ReachTest
class AudienceCampaignTest {

    static final String TEMPLATE = """
            {"template_name": "Hello", "template_type": "email", "template_content": {
              "subject": "Hi {{contact.first_name}}",
              "html": "<p>Hi {{contact.first_name}}, your plan: {{contact.plan}}.</p><a href=\\"{{unsubscribe_url}}\\">Unsubscribe</a>",
              "variables": {"contact.first_name": "friend", "contact.plan": "none"}}}""";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aCampaignToASegmentReachesItsSubscribedContactsMinusSuppressions() {
        String token = accounts.owner().accessToken();
        String domain = "s" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        api.post(
                "/api/v1/contact-fields", token, "{\"name\": \"plan\", \"label\": \"Plan\", \"field_type\": \"text\"}");
        contact(
                token,
                "ann@" + domain,
                "\"first_name\": \"Ann\", \"attributes\": {\"plan\": \"pro\"}, \"tags\": [\"vip\"]");
        String gone = contact(token, "bob@" + domain, "\"tags\": [\"vip\"]");
        api.post("/api/v1/contacts/" + gone + "/unsubscribe", token, "{\"channel\": \"email\"}");
        contact(token, "cat@" + domain, "\"tags\": [\"vip\"]");
        api.post("/api/v1/suppressions/email", token, "{\"address\": \"cat@" + domain + "\"}");
        contact(token, "dan@" + domain, "\"tags\": [\"regular\"]");
        contact(token, "eve@" + domain, "\"tags\": [\"vip\"]");
        String segment = api.post("/api/v1/segments", token, """
                        {"name": "VIP", "definition": {"match": "all", "conditions": [{"type": "tag", "op": "has", "value": "vip"}]}}""")
                .json()
                .get("segment")
                .get("id")
                .asString();
        var flows = new CampaignFlows(api);
        UUID email = flows.emailCampaign(token, flows.activeCampaign(token, ""), flows.template(token, TEMPLATE));

        var targeted = api.post(
                "/api/v1/email-campaigns/" + email + "/audience", token, "{\"segment_id\": \"" + segment + "\"}");
        assertThat(targeted.status()).as(targeted.body()).isEqualTo(200);
        contact(token, "late@" + domain, "\"tags\": [\"vip\"]");
        assertThat(api.post("/api/v1/email-campaigns/" + email + "/send", token, "")
                        .status())
                .isEqualTo(202);
        flows.awaitProcessed(token, email);

        Map<String, List<MimeMessage>> mails = TestMailServer.messagesToDomain(domain, 3).stream()
                .collect(Collectors.groupingBy(CampaignFlows::recipientOf));
        assertThat(mails.keySet())
                .as("the segment as sending started: not unsubscribed Bob, not suppressed Cat, not Dan")
                .containsExactlyInAnyOrder("ann@" + domain, "eve@" + domain, "late@" + domain);
        assertThat(CampaignFlows.html(java.util.Objects.requireNonNull(mails.get("ann@" + domain))
                        .getFirst()))
                .contains("Hi Ann, your plan: pro.");
        assertThat(CampaignFlows.html(java.util.Objects.requireNonNull(mails.get("eve@" + domain))
                        .getFirst()))
                .contains("Hi friend, your plan: none.");
        assertThat(api.post(
                                "/api/v1/email-campaigns/" + email + "/audience",
                                token,
                                "{\"segment_id\": \"" + segment + "\"}")
                        .status())
                .as("a campaign that started keeps its audience")
                .isEqualTo(409);
    }

    @Test
    void anUnconfirmedMemberOfADoubleOptInListIsNeverMailedUntilItConfirms() {
        String token = accounts.owner().accessToken();
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String list = list(token, "{\"name\": \"Weekly\", \"opt_in\": \"double\"}");
        String fay = contact(token, "fay@" + domain, "\"first_name\": \"Fay\"");
        api.post("/api/v1/lists/" + list + "/members", token, "{\"contact_id\": \"" + fay + "\"}");
        var flows = new CampaignFlows(api);
        UUID template = flows.template(token, TEMPLATE);
        UUID campaign = flows.activeCampaign(token, "");

        UUID first = flows.emailCampaign(token, campaign, template);
        api.post("/api/v1/email-campaigns/" + first + "/audience", token, "{\"list_id\": \"" + list + "\"}");
        var refused = api.post("/api/v1/email-campaigns/" + first + "/send", token, "");
        assertThat(refused.status()).as("nobody confirmed yet").isEqualTo(409);

        String confirmation = TestMailServer.tokenInMail("fay@" + domain, 1).orElseThrow();
        new Browser(api).postExactly("/subscriptions/confirm", Map.of("token", confirmation));
        UUID second = flows.emailCampaign(token, campaign, template);
        api.post("/api/v1/email-campaigns/" + second + "/audience", token, "{\"list_id\": \"" + list + "\"}");
        assertThat(api.post("/api/v1/email-campaigns/" + second + "/send", token, "")
                        .status())
                .isEqualTo(202);
        flows.awaitProcessed(token, second);

        assertThat(TestMailServer.messagesToDomain(domain, 2).stream().map(CampaignFlows::recipientOf))
                .as("the confirmation mail, then the campaign")
                .containsExactly("fay@" + domain, "fay@" + domain);
        assertThat(api.post(
                                "/api/v1/email-campaigns/" + second + "/audience",
                                token,
                                "{\"list_id\": \"" + UUID.randomUUID() + "\"}")
                        .status())
                .isIn(404, 409);
    }

    @Test
    void aChoiceMadeInThePreferenceCentreHoldsForTheNextCampaign() {
        String token = accounts.owner().accessToken();
        String domain = "p" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String news = list(token, "{\"name\": \"News\", \"opt_in\": \"single\", \"visibility\": \"public\"}");
        String offers = list(token, "{\"name\": \"Offers\", \"opt_in\": \"single\", \"visibility\": \"public\"}");
        String gus = contact(token, "gus@" + domain, "\"first_name\": \"Gus\"");
        String hal = contact(token, "hal@" + domain, "\"first_name\": \"Hal\"");
        join(token, news, gus, hal);
        String page = preferencesPage(token, gus);
        Browser gusBrowser = new Browser(api);
        assertThat(gusBrowser.get(page).body())
                .contains("News")
                .contains("Offers")
                .contains("gus@" + domain);

        var saved = gusBrowser.postExactly(page, Map.of("list", offers));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved.");

        var flows = new CampaignFlows(api);
        UUID email = flows.emailCampaign(token, flows.activeCampaign(token, ""), flows.template(token, TEMPLATE));
        api.post("/api/v1/email-campaigns/" + email + "/audience", token, "{\"list_id\": \"" + news + "\"}");
        assertThat(api.post("/api/v1/email-campaigns/" + email + "/send", token, "")
                        .status())
                .isEqualTo(202);
        flows.awaitProcessed(token, email);
        assertThat(TestMailServer.messagesToDomain(domain, 1).stream().map(CampaignFlows::recipientOf))
                .as("Gus left News in the preference centre")
                .containsExactly("hal@" + domain);
        assertThat(api.get("/api/v1/contacts/" + gus + "/consents", token)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(consent -> consent.get("method").asString() + ":"
                                + consent.get("action").asString()))
                .contains("preference_centre:withdrawn", "preference_centre:granted");
    }

    @Test
    void aContactWhoChoseWeeklyGetsOneCampaignAWeekAndEachIsOnItsTimeline() throws Exception {
        String token = accounts.owner().accessToken();
        String domain = "w" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String news = list(token, "{\"name\": \"News\", \"opt_in\": \"single\"}");
        String ivy = contact(token, "ivy@" + domain, "\"first_name\": \"Ivy\"");
        String jay = contact(token, "jay@" + domain, "\"first_name\": \"Jay\"");
        join(token, news, ivy, jay);
        String page = preferencesPage(token, ivy);
        Browser ivyBrowser = new Browser(api);
        assertThat(ivyBrowser.get(page).body()).contains("At most one a week");
        ivyBrowser.postExactly(page, Map.of("list", news, "frequency", "weekly"));
        assertThat(api.get("/api/v1/contacts/" + ivy, token)
                        .json()
                        .get("frequency")
                        .asString())
                .isEqualTo("weekly");

        var flows = new CampaignFlows(api);
        UUID template = flows.template(token, """
                {"template_name": "With preferences", "template_type": "email", "template_content": {
                  "subject": "News", "html": "<p>News.</p><a href=\\"{{preferences_url}}\\">Your preferences</a>"}}""");
        UUID campaign = flows.activeCampaign(token, "");
        for (int round = 1; round <= 2; round++) {
            UUID email = flows.emailCampaign(token, campaign, template);
            api.post("/api/v1/email-campaigns/" + email + "/audience", token, "{\"list_id\": \"" + news + "\"}");
            assertThat(api.post("/api/v1/email-campaigns/" + email + "/send", token, "")
                            .status())
                    .isEqualTo(202);
            flows.awaitProcessed(token, email);
        }

        List<MimeMessage> mails = TestMailServer.messagesToDomain(domain, 3);
        assertThat(mails.stream().map(CampaignFlows::recipientOf))
                .as("Ivy wants one campaign a week: the second is not hers")
                .containsExactlyInAnyOrder("ivy@" + domain, "jay@" + domain, "jay@" + domain);
        MimeMessage ivysMail = mails.stream()
                .filter(mail -> CampaignFlows.recipientOf(mail).startsWith("ivy@"))
                .findFirst()
                .orElseThrow();
        String html = CampaignFlows.html(ivysMail);
        String tracked = html.substring(html.indexOf("/api/v1/t/c/"), html.indexOf("\">Your preferences"));
        String target =
                new Browser(api).get(tracked).headers().firstValue("Location").orElseThrow();
        assertThat(target).as("the tracked link leads to her preference centre").contains("/preferences/");
        String visitor = io.reach.campaigns.CampaignDirectory.EmailLinkClicked.visitorOf("Ivy@" + domain);
        api.post(
                "/api/v1/ingest/conversions",
                token,
                "{\"occurred_at\": \"" + java.time.Instant.now().plusSeconds(5)
                        + "\", \"action\": \"signup\", \"visitor\": \"" + visitor + "\"}");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        var credited = api.get("/api/v1/attribution/results?from=" + today + "&to=" + today + "&point=campaign", token)
                .json();
        assertThat(credited.get("attributed_conversions").asInt())
                .as("her click in the e-mail is a touch of the campaign")
                .isEqualTo(1);
        assertThat(credited.at("/models/0/credits/0/point").asString()).isEqualTo(campaign.toString());
        assertThat(new Browser(api)
                        .get(target.substring(target.indexOf("/preferences/")))
                        .body())
                .contains("ivy@" + domain);
        assertThat(api.get("/api/v1/contacts/" + jay + "/activities", token)
                        .json()
                        .get("items")
                        .valueStream()
                        .filter(activity -> activity.get("kind").asString().equals("sent")))
                .as("both campaigns on Jay's timeline")
                .hasSize(2);
    }

    @Test
    void aTestIsRenderedForAChosenContactAndSentToTheGivenAddresses() {
        String token = accounts.owner().accessToken();
        String domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        api.post(
                "/api/v1/contact-fields", token, "{\"name\": \"plan\", \"label\": \"Plan\", \"field_type\": \"text\"}");
        String kim = contact(token, "kim@example.com", "\"first_name\": \"Kim\", \"attributes\": {\"plan\": \"pro\"}");
        var flows = new CampaignFlows(api);
        UUID email = flows.emailCampaign(token, flows.activeCampaign(token, ""), flows.template(token, TEMPLATE));
        String test = "/api/v1/email-campaigns/" + email + "/test";

        var sent = api.post(test, token, """
                {"to": ["one@%1$s", "two@%1$s"], "contact_id": "%2$s"}""".formatted(domain, kim));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("rendered_for").asString()).isEqualTo("kim@example.com");
        List<MimeMessage> tests = TestMailServer.messagesToDomain(domain, 2);
        assertThat(tests.stream().map(CampaignFlows::recipientOf))
                .containsExactlyInAnyOrder("one@" + domain, "two@" + domain);
        assertThat(tests).allSatisfy(mail -> {
            assertThat(mail.getSubject()).isEqualTo("[Test] Hi Kim");
            assertThat(CampaignFlows.html(mail)).contains("your plan: pro.");
        });

        assertThat(api.post(test, token, "{\"to\": [], \"contact_id\": \"" + kim + "\"}")
                        .status())
                .isEqualTo(400);
        String six = "\"a@x.example\", ".repeat(5) + "\"f@x.example\"";
        assertThat(api.post(test, token, "{\"to\": [" + six + "], \"contact_id\": \"" + kim + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(test, token, "{\"to\": [\"one@" + domain + "\"]}").status())
                .as("no contact chosen and no recipients uploaded")
                .isEqualTo(409);
        String theirs = contact(accounts.owner().accessToken(), "lee@example.com", "\"first_name\": \"Lee\"");
        assertThat(api.post(test, token, "{\"to\": [\"one@" + domain + "\"], \"contact_id\": \"" + theirs + "\"}")
                        .status())
                .as("another workspace's contact")
                .isEqualTo(404);
    }

    /** A new list's id. */
    private String list(String token, String body) {
        return api.post("/api/v1/lists", token, body).json().get("id").asString();
    }

    private void join(String token, String list, String... contacts) {
        for (String member : contacts) {
            api.post("/api/v1/lists/" + list + "/members", token, "{\"contact_id\": \"" + member + "\"}");
        }
    }

    /** The path of the contact's preference centre. */
    private String preferencesPage(String token, String contact) {
        String link = api.get("/api/v1/contacts/" + contact + "/preferences-link", token)
                .json()
                .get("url")
                .asString();
        return link.substring(link.indexOf("/preferences/"));
    }

    private String contact(String token, String email, String rest) {
        var created = api.post("/api/v1/contacts", token, "{\"email\": \"" + email + "\", " + rest + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}

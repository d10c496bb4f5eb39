package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** E-mail campaigns end to end: a real SMTP server receives each recipient's message once, with working links. */
@ReachTest
public class EmailCampaignTest {

    public static final String TEMPLATE = """
            {"template_name": "Sale", "template_type": "email", "template_content": {
              "subject": "{{first_name}}, the sale is on",
              "html": "<html><body><p>Hello {{first_name}}, take {{offer}} off.</p><a href=\\"https://shop.example/sale?c=1&amp;x=2\\">Shop</a> <a href=\\"{{unsubscribe_url}}\\">Unsubscribe</a></body></html>",
              "text": "Hello {{first_name}}, take {{offer}} off: https://shop.example/sale",
              "variables": {"first_name": null, "offer": "10%"}}}""";
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aCampaignToAThousandRecipientsArrivesOncePerRecipientPersonalisedWithWorkingLinks() throws Exception {
        var flows = new CampaignFlows(api);
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        String domain = "r" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID template = flows.template(token, TEMPLATE);
        UUID campaign = flows.activeCampaign(token, "");
        UUID email = flows.emailCampaign(token, campaign, template);
        assertThat(api.post("/api/v1/suppressions/email", token, "{\"address\": \"Gone@" + domain + "\"}")
                        .status())
                .isEqualTo(204);

        String recipients = IntStream.range(0, 1000)
                .mapToObj(i -> """
                {"email": "person%d@%s", "name": "Person %d", "variables": {"first_name": "Ada%d"}}""".formatted(i, domain, i, i))
                .collect(Collectors.joining(","));
        var added = api.post("/api/v1/email-campaigns/" + email + "/recipients", token, """
                {"recipients": [%s, {"email": "PERSON7@%s", "variables": {"first_name": "Twice"}},
                  {"email": "not-an-address", "variables": {"first_name": "X"}}, {"email": "nameless@%s"},
                  {"email": "gone@%s", "variables": {"first_name": "Gone"}}]}""".formatted(
                        recipients, domain, domain, domain));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("accepted").asInt()).isEqualTo(1001);
        assertThat(added.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(added.json()
                        .get("rejected")
                        .valueStream()
                        .map(r -> r.get("row").asInt())
                        .toList())
                .as("a malformed address and a recipient without the required first_name")
                .containsExactly(1001, 1002);
        assertThat(added.json().get("total_recipients").asInt()).isEqualTo(1001);

        var started = api.post("/api/v1/email-campaigns/" + email + "/send", token, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = flows.awaitProcessed(token, email);
        assertThat(done.get("email_campaign").get("status").asString()).isEqualTo("sent");
        assertThat(done.get("progress").get("by_status").get("sent").asLong()).isEqualTo(1000);
        assertThat(done.get("progress").get("by_status").get("suppressed").asLong())
                .isEqualTo(1);

        List<MimeMessage> messages = TestMailServer.messagesToDomain(domain, 1000);
        Map<String, List<MimeMessage>> byRecipient =
                messages.stream().collect(Collectors.groupingBy(CampaignFlows::recipientOf));
        assertThat(byRecipient).hasSize(1000).doesNotContainKey("gone@" + domain);
        assertThat(byRecipient.values()).allSatisfy(mails -> assertThat(mails).hasSize(1));
        Set<String> messageIds = new HashSet<>();
        for (int n = 0; n < 1000; n += 111) {
            int i = n;
            MimeMessage message =
                    present(byRecipient, "person" + i + "@" + domain).getFirst();
            assertThat(message.getSubject()).isEqualTo("Ada" + i + ", the sale is on");
            assertThat(CampaignFlows.html(message))
                    .contains("Hello Ada" + i + ", take 10% off.")
                    .doesNotContain("shop.example");
            assertThat(CampaignFlows.parts(message))
                    .anySatisfy(part ->
                            assertThat(part).isEqualTo("Hello Ada" + i + ", take 10% off: https://shop.example/sale"));
            assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            assertThat(message.getHeader("List-Unsubscribe")[0]).matches("<http.*/api/v1/t/u/[A-Za-z0-9_-]+>");
            assertThat(message.getFrom()[0].toString()).isEqualTo("Brand <news@brand.example>");
            messageIds.add(message.getMessageID());
        }
        assertThat(messages.stream().map(this::messageId).distinct()).hasSize(1000);
        assertThat(messageIds)
                .as("opaque: no tenant id in a Message-ID")
                .allSatisfy(id -> assertThat(id)
                        .endsWith("@brand.example>")
                        .doesNotContain(ada.tenantId().toString()));

        MimeMessage seven = present(byRecipient, "person7@" + domain).getFirst();
        String open = CampaignFlows.links(seven, "o").getFirst();
        var pixel = api.send("GET", open, null, null, List.of("User-Agent", FIREFOX));
        assertThat(pixel.status()).isEqualTo(200);
        assertThat(pixel.header("Content-Type")).isEqualTo("image/gif");
        assertThat(api.send("GET", open, null, null, List.of("User-Agent", "Mozilla/5.0"))
                        .status())
                .as("Apple's privacy prefetch")
                .isEqualTo(200);
        String click = CampaignFlows.links(seven, "c").getFirst();
        var redirect = api.send("GET", click, null, null, List.of("User-Agent", FIREFOX));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).isEqualTo("https://shop.example/sale?c=1&x=2");

        JsonNode sent = sendOf(token, email, "person7@" + domain);
        assertThat(sent.get("status").asString()).isEqualTo("clicked");
        assertThat(sent.get("open_count").asInt()).isEqualTo(1);
        assertThat(sent.get("machine_open_count").asInt()).isEqualTo(1);
        assertThat(sent.get("click_count").asInt()).isEqualTo(1);
        assertThat(sent.get("opened_at").isNull()).isFalse();
        assertThat(sent.get("message_id").asString()).isEqualTo(seven.getMessageID());

        String tampered = click.substring(0, click.length() - 3) + (click.endsWith("A") ? "BBB" : "AAA");
        assertThat(api.get(tampered, null).status()).as("a tampered token").isEqualTo(404);
        assertThat(api.get(open.replace("/o/", "/c/"), null).status())
                .as("an open token used as a click")
                .isEqualTo(404);

        String contact = api.post("/api/v1/contacts", token, "{\"email\": \"Person7@" + domain + "\"}")
                .json()
                .get("id")
                .asString();
        String unsubscribe = CampaignFlows.links(seven, "u").getFirst();
        var page = api.get(unsubscribe, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("person7@" + domain).contains("<form method=\"post\"");
        var oneClick = api.send(
                "POST",
                unsubscribe,
                null,
                "List-Unsubscribe=One-Click",
                List.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(oneClick.status()).as(oneClick.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/suppressions/email?limit=200", token)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(s -> s.get("address").asString() + ":"
                                + s.get("reason").asString()))
                .contains("person7@" + domain + ":unsubscribed", "gone@" + domain + ":manual");
        assertThat(sendOf(token, email, "person7@" + domain)
                        .get("unsubscribed_at")
                        .isNull())
                .isFalse();
        assertThat(api.get("/api/v1/contacts/" + contact, token)
                        .json()
                        .get("status")
                        .asString())
                .as("the workspace's contact of that address")
                .isEqualTo("unsubscribed");
        JsonNode withdrawal = api.get("/api/v1/contacts/" + contact + "/consents", token)
                .json()
                .get("items")
                .get(0);
        assertThat(withdrawal.get("action").asString()).isEqualTo("withdrawn");
        assertThat(withdrawal.get("method").asString()).isEqualTo("unsubscribe_link");

        var analytics = api.get("/api/v1/email-campaigns/" + email + "/analytics", token);
        assertThat(analytics.status()).as(analytics.body()).isEqualTo(200);
        assertThat(analytics.json().get("sent").asLong()).isEqualTo(1000);
        assertThat(analytics.json().get("opened").asLong()).isEqualTo(1);
        assertThat(analytics.json().get("clicked").asLong()).isEqualTo(1);
        assertThat(analytics.json().get("opens").asLong())
                .as("human opens, from the rollups")
                .isEqualTo(1);
        assertThat(analytics.json().get("clicks").asLong()).isEqualTo(1);
        assertThat(analytics.json().get("machine_opens").asLong()).isEqualTo(1);

        var daily = api.get("/api/v1/email-campaigns/" + email + "/analytics/daily?zone=Europe/Paris", token);
        assertThat(daily.status()).as(daily.body()).isEqualTo(200);
        assertThat(daily.json().get("items")).singleElement().satisfies(day -> {
            assertThat(day.get("day").asString())
                    .isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                            .toString());
            assertThat(day.get("opens").asLong()).isEqualTo(1);
            assertThat(day.get("clicks").asLong()).isEqualTo(1);
        });
        assertThat(api.get("/api/v1/email-campaigns/" + email + "/analytics/daily?zone=Mars/Olympus", token)
                        .status())
                .isEqualTo(400);

        var usage = api.get("/api/v1/templates/" + template + "/usage", token)
                .json()
                .get("stats");
        assertThat(usage.get("usage_count").asLong()).isEqualTo(1);
        assertThat(usage.get("unique_recipients_count").asLong()).isEqualTo(1000);
        assertThat(usage.get("conversion_rate").decimalValue()).isEqualByComparingTo("0.10");
        JsonNode top = api.get("/api/v1/templates/top?metric=unique_recipients_count", token)
                .json()
                .get("items");
        assertThat(top)
                .singleElement()
                .satisfies(t -> assertThat(t.get("template_id").asString()).isEqualTo(template.toString()));
        assertThat(api.get("/api/v1/templates/top?metric=colour", token).status())
                .isEqualTo(400);
    }

    @Test
    void editingATemplateMakesANewVersionAndWhatWasSentKeepsItsOwn() {
        var flows = new CampaignFlows(api);
        String token = accounts.owner().accessToken();
        String domain = "v" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID template = flows.template(token, TEMPLATE);
        UUID campaign = flows.activeCampaign(token, "");
        UUID email = flows.emailCampaign(token, campaign, template);
        JsonNode v1 = api.get("/api/v1/templates/" + template, token).json();

        var edited = api.put("/api/v1/templates/" + template, token, """
                {"template_content": {"subject": "New: {{first_name}}", "html": "<p>v2 {{first_name}}</p>",
                 "variables": {"first_name": "friend"}}}""");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        assertThat(edited.json().get("parent_template_id").asString())
                .isEqualTo(v1.get("id").asString());
        assertThat(api.get("/api/v1/templates/" + template + "/versions", token)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(v -> v.get("version").asInt()))
                .containsExactly(2, 1);
        assertThat(api.get("/api/v1/templates/" + template + "/versions/1", token)
                        .json()
                        .get("template_content")
                        .get("subject")
                        .asString())
                .isEqualTo("{{first_name}}, the sale is on");

        api.post("/api/v1/email-campaigns/" + email + "/recipients", token, """
                {"recipients": [{"email": "kept@%s", "variables": {"first_name": "Kept"}}]}""".formatted(domain));
        api.post("/api/v1/email-campaigns/" + email + "/send", token, "");
        flows.awaitProcessed(token, email);
        MimeMessage message = TestMailServer.messagesToDomain(domain, 1).getFirst();
        assertThat(CampaignFlows.html(message)).contains("Hello Kept").doesNotContain("<p>v2");
        assertThat(api.get("/api/v1/email-campaigns/" + email, token)
                        .json()
                        .get("email_campaign")
                        .get("template_id")
                        .asString())
                .isEqualTo(v1.get("id").asString());

        UUID later = flows.emailCampaign(token, campaign, template);
        assertThat(api.get("/api/v1/email-campaigns/" + later, token)
                        .json()
                        .get("email_campaign")
                        .get("email_subject")
                        .asString())
                .isEqualTo("New: {{first_name}}");
    }

    @Test
    void unknownPlaceholdersAndMalformedTemplatesAreRefusedWhenSaved() {
        String token = accounts.owner().accessToken();
        var unknown = api.post("/api/v1/templates", token, """
                {"template_name": "Typo", "template_type": "email",
                 "template_content": {"subject": "Hi {{frist_name}}", "html": "<p>{{#items}}{{title}}{{/items}}</p>",
                 "variables": {"first_name": null}}}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("template_content.subject")
                .contains("frist_name")
                .contains("template_content.html")
                .contains("items");
        var broken = api.post("/api/v1/templates", token, """
                {"template_name": "Broken", "template_type": "sms", "template_content": {"body": "Hi {{#open}}"}}""");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("template_content.body");
        var missing = api.post("/api/v1/templates", token, """
                {"template_name": "Empty", "template_type": "email", "template_content": {"html": "<p>x</p>"}}""");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("template_content.subject");
        assertThat(api.post(
                                "/api/v1/templates",
                                token,
                                "{\"template_name\": \"x\", \"template_type\": \"fax\", " + "\"template_content\": {}}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void recipientsComeFromCsvUploadsCheckedRowByRow() {
        var flows = new CampaignFlows(api);
        String token = accounts.owner().accessToken();
        UUID email = flows.emailCampaign(token, flows.activeCampaign(token, ""), flows.template(token, TEMPLATE));
        String csv = """
                Email,Name,first_name,offer
                ada@csv.example,Ada Lovelace,Ada,15%
                ADA@csv.example,Ada again,Ada,
                grace@csv.example,,Grace,
                not-an-address,X,X,
                nobody@csv.example,No Name,,
                """;
        var added = api.send(
                "POST",
                "/api/v1/email-campaigns/" + email + "/recipients",
                token,
                csv,
                List.of("Content-Type", "text/csv"));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(added.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(added.json()
                        .get("rejected")
                        .valueStream()
                        .map(r -> r.get("row").asInt()))
                .as("rows are named by their line in the file, the header being line 1")
                .containsExactly(5, 6);
        JsonNode ada = sendOf(token, email, "ada@csv.example");
        assertThat(ada.get("recipient_name").asString()).isEqualTo("Ada Lovelace");
        assertThat(ada.get("variables").get("offer").asString()).isEqualTo("15%");
        assertThat(api.send(
                                "POST",
                                "/api/v1/email-campaigns/" + email + "/recipients",
                                token,
                                "name,phone\nAda,+14155550123\n",
                                List.of("Content-Type", "text/csv"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/email-campaigns/" + email + "/recipients", token, "{\"recipients\": 5}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void csvUploadsAcceptWhatSpreadsheetsWrite() {
        var flows = new CampaignFlows(api);
        String token = accounts.owner().accessToken();
        UUID email = flows.emailCampaign(token, flows.activeCampaign(token, ""), flows.template(token, TEMPLATE));
        String excel = "\uFEFFE-mail;Full Name;First Name;Offer\r\nzoe@sheet.example;Zoë Ångström;Zoë;10%\r\n"
                + "broken;X;X;\r\n";
        var added = api.send(
                "POST",
                "/api/v1/email-campaigns/" + email + "/recipients",
                token,
                excel,
                List.of("Content-Type", "text/csv"));

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(added.json()
                        .get("rejected")
                        .valueStream()
                        .map(r -> r.get("row").asInt()))
                .containsExactly(3);
        JsonNode zoe = sendOf(token, email, "zoe@sheet.example");
        assertThat(zoe.get("recipient_name").asString()).isEqualTo("Zoë Ångström");
        assertThat(zoe.get("variables").get("first_name").asString()).isEqualTo("Zoë");
        assertThat(zoe.get("variables").get("offer").asString()).isEqualTo("10%");
    }

    private JsonNode sendOf(String token, UUID email, String address) {
        return api.get("/api/v1/email-campaigns/" + email + "/sends?limit=200", token)
                .json()
                .get("items")
                .valueStream()
                .filter(s -> s.get("recipient_email").asString().equals(address))
                .findFirst()
                .orElseGet(() -> allSends(token, email).get(address));
    }

    private Map<String, JsonNode> allSends(String token, UUID email) {
        Map<String, JsonNode> all = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/email-campaigns/" + email + "/sends?limit=200"
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            token)
                    .json();
            page.get("items")
                    .valueStream()
                    .forEach(s -> all.put(s.get("recipient_email").asString(), s));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
        } while (cursor != null);
        return all;
    }

    private String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a test has just made is there: a missing entry fails here, naming it. */
    private static <V> V present(Map<String, V> map, String key) {
        return Objects.requireNonNull(map.get(key), () -> "no entry for " + key);
    }
}

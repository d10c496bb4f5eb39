package io.reach.campaigns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.crypto.Hmacs;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestProviders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** SMS campaigns through a Twilio-shaped API (WireMock), with signed status callbacks and STOP replies. */
@ReachTest
class SmsCampaignTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json";
    private static final String AUTH_TOKEN = "test-twilio-auth-token";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void smsGoesThroughTheProviderAndASignedStatusCallbackUpdatesTheSend() {
        var flows = new CampaignFlows(api);
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        String ok = "+1555" + digits(7);
        String refused = "+1555" + digits(7);
        String stopped = "+1555" + digits(7);
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        TestProviders.SERVER.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + enc(ok)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid + "\", \"status\": \"queued\", \"num_segments\": \"1\"}")));
        TestProviders.SERVER.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + enc(refused)))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"Invalid 'To' Phone Number\", \"status\": 400}")));

        UUID template = flows.template(token, """
                {"template_name": "Flash", "template_type": "sms", "template_content": {
                 "body": "Hi {{first_name}}, 20% off today. Reply STOP to opt out", "variables": {"first_name": "there"}}}""");
        UUID campaign = flows.activeCampaign(token, "");
        var created = api.post("/api/v1/sms-campaigns", token, """
                {"campaign_id": "%s", "template_id": "%s", "sender_number": "+1 500 555 0006"}""".formatted(campaign, template));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID sms = UUID.fromString(created.json().get("sms_campaign").get("id").asString());
        assertThat(created.json().get("segments").get("encoding").asString()).isEqualTo("GSM-7");
        assertThat(created.json().get("segments").get("segments").asInt()).isEqualTo(1);
        assertThat(created.json().get("sms_campaign").get("sender_number").asString())
                .isEqualTo("+15005550006");

        String inbound = "/api/v1/webhooks/twilio/" + ada.tenantId() + "/inbound";
        Map<String, String> stop = Map.of("MessageSid", sid(), "From", stopped, "To", "+15005550006", "Body", " stop ");
        assertThat(api.send("POST", inbound, null, form(stop), List.of("Content-Type", FORM))
                        .status())
                .as("unsigned")
                .isEqualTo(403);
        assertThat(api.send(
                                "POST",
                                inbound,
                                null,
                                form(stop),
                                List.of("Content-Type", FORM, "X-Twilio-Signature", signature(inbound, stop)))
                        .status())
                .isEqualTo(200);

        var added = api.post("/api/v1/sms-campaigns/" + sms + "/recipients", token, """
                {"recipients": [{"phone": "%s", "variables": {"first_name": "Ada"}}, {"phone": "%s"}, {"phone": "%s"},
                 {"phone": "12345"}]}""".formatted(
                        ok.substring(0, 5) + " " + ok.substring(5), refused, stopped));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(added.json().get("rejected").get(0).get("row").asInt()).isEqualTo(3);

        assertThat(api.post("/api/v1/sms-campaigns/" + sms + "/send", token, "").status())
                .isEqualTo(202);
        Map<String, JsonNode> sends = awaitSends(token, sms, 3);
        assertThat(present(sends, ok).get("status").asString()).isEqualTo("pending");
        assertThat(present(sends, ok).get("provider_message_id").asString()).isEqualTo(sid);
        assertThat(present(sends, ok).get("segments").asInt()).isEqualTo(1);
        assertThat(present(sends, refused).get("status").asString()).isEqualTo("failed");
        assertThat(present(sends, refused).get("failure_reason").asString()).contains("21211");
        assertThat(present(sends, stopped).get("status").asString()).isEqualTo("suppressed");
        String okSend = present(sends, ok).get("id").asString();
        String callback = "/api/v1/webhooks/twilio/" + ada.tenantId() + "/status/" + okSend;
        TestProviders.SERVER.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(containing("Body=" + enc("Hi Ada, 20% off today. Reply STOP to opt out")))
                        .withRequestBody(containing("StatusCallback=" + enc(api.publicUrl() + callback)))
                        .withRequestBody(containing("From=" + enc("+15005550006")))
                        .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(
                                "AC00000000000000000000000000000000", AUTH_TOKEN)));

        Map<String, String> delivered = Map.of("MessageSid", sid, "MessageStatus", "delivered", "To", ok);
        assertThat(api.send(
                                "POST",
                                callback,
                                null,
                                form(delivered),
                                List.of(
                                        "Content-Type",
                                        FORM,
                                        "X-Twilio-Signature",
                                        signature(
                                                callback,
                                                Map.of("MessageSid", sid, "MessageStatus", "failed", "To", ok))))
                        .status())
                .as("a signature over other values")
                .isEqualTo(403);
        var applied = api.send(
                "POST",
                callback,
                null,
                form(delivered),
                List.of("Content-Type", FORM, "X-Twilio-Signature", signature(callback, delivered)));
        assertThat(applied.status()).as(applied.body()).isEqualTo(204);
        Map<String, String> late = Map.of("MessageSid", sid, "MessageStatus", "sent", "To", ok);
        api.send(
                "POST",
                callback,
                null,
                form(late),
                List.of("Content-Type", FORM, "X-Twilio-Signature", signature(callback, late)));
        JsonNode updated = api.get("/api/v1/sms-campaigns/" + sms + "/sends/" + okSend, token)
                .json();
        assertThat(updated.get("status").asString())
                .as("a late 'sent' does not undo 'delivered'")
                .isEqualTo("delivered");
        assertThat(updated.get("delivered_at").isNull()).isFalse();

        String otherTenant = "/api/v1/webhooks/twilio/" + accounts.owner().tenantId() + "/status/" + okSend;
        assertThat(api.send(
                                "POST",
                                otherTenant,
                                null,
                                form(delivered),
                                List.of("Content-Type", FORM, "X-Twilio-Signature", signature(otherTenant, delivered)))
                        .status())
                .isEqualTo(404);

        JsonNode stats =
                api.get("/api/v1/sms-campaigns/" + sms + "/analytics", token).json();
        assertThat(stats.get("recipients").asLong()).isEqualTo(3);
        assertThat(stats.get("sent").asLong()).isEqualTo(1);
        assertThat(stats.get("delivered").asLong()).isEqualTo(1);
        assertThat(stats.get("failed").asLong()).isEqualTo(1);
        assertThat(stats.get("suppressed").asLong()).isEqualTo(1);
        assertThat(stats.get("delivery_rate").decimalValue()).isEqualByComparingTo("100");
    }

    @Test
    void aReplayedStartDoesNotLiftALaterStop() {
        Accounts.SignedIn ada = accounts.owner();
        String phone = "+1555" + digits(7);
        String inbound = "/api/v1/webhooks/twilio/" + ada.tenantId() + "/inbound";
        Map<String, String> stop = Map.of("MessageSid", sid(), "From", phone, "To", "+15005550006", "Body", "STOP");
        Map<String, String> start = Map.of("MessageSid", sid(), "From", phone, "To", "+15005550006", "Body", "START");
        Map<String, String> stopAgain =
                Map.of("MessageSid", sid(), "From", phone, "To", "+15005550006", "Body", "Stop");

        assertThat(reply(inbound, stop)).isEqualTo(200);
        assertThat(suppressed(ada, phone)).isTrue();
        assertThat(reply(inbound, start)).isEqualTo(200);
        assertThat(suppressed(ada, phone)).as("START lifts the STOP").isFalse();
        assertThat(reply(inbound, stopAgain)).isEqualTo(200);
        assertThat(suppressed(ada, phone)).isTrue();

        assertThat(reply(inbound, start)).as("the same signed START, replayed").isEqualTo(200);
        assertThat(suppressed(ada, phone))
                .as("a replayed START does not lift the later STOP")
                .isTrue();
        assertThat(reply(inbound, stop)).isEqualTo(200);
        assertThat(suppressed(ada, phone)).isTrue();

        Map<String, String> noSid = Map.of("From", phone, "To", "+15005550006", "Body", "START");
        assertThat(reply(inbound, noSid))
                .as("a keyword reply without its MessageSid")
                .isEqualTo(400);
        assertThat(suppressed(ada, phone)).isTrue();
        String otherTenant = "/api/v1/webhooks/twilio/" + accounts.owner().tenantId() + "/inbound";
        assertThat(reply(otherTenant, start))
                .as("MessageSids are recorded per tenant")
                .isEqualTo(200);
        assertThat(suppressed(ada, phone)).isTrue();
    }

    @Test
    void aTestTextIsRenderedForAContactAndSentWithoutAStatusCallback() {
        var flows = new CampaignFlows(api);
        String token = accounts.owner().accessToken();
        String phone = "+1555" + digits(7);
        TestProviders.SERVER.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + enc(phone)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid() + "\", \"status\": \"queued\", \"num_segments\": \"1\"}")));
        var zoe = api.post("/api/v1/contacts", token, "{\"phone\": \"" + phone + "\", \"first_name\": \"Zoe\"}");
        UUID template = flows.template(token, """
                {"template_name": "Hello", "template_type": "sms", "template_content": {
                 "body": "Hi {{contact.first_name}}, news today", "variables": {"contact.first_name": "there"}}}""");
        var created =
                api.post("/api/v1/sms-campaigns", token, """
                {"campaign_id": "%s", "template_id": "%s", "sender_number": "+15005550006"}""".formatted(flows.activeCampaign(token, ""), template));
        String test = "/api/v1/sms-campaigns/"
                + created.json().get("sms_campaign").get("id").asString() + "/test";

        var sent =
                api.post(test, token, """
                {"to": ["%s"], "contact_id": "%s"}""".formatted(phone, zoe.json().get("id").asString()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        TestProviders.SERVER.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(containing("Body=" + enc("[Test] Hi Zoe, news today")))
                        .withRequestBody(
                                com.github.tomakehurst.wiremock.client.WireMock.notContaining("StatusCallback")));
        assertThat(api.post(
                                test,
                                token,
                                "{\"to\": [\"12345\"], \"contact_id\": \""
                                        + zoe.json().get("id").asString() + "\"}")
                        .status())
                .isEqualTo(400);
    }

    private int reply(String path, Map<String, String> form) {
        return api.send(
                        "POST",
                        path,
                        null,
                        form(form),
                        List.of("Content-Type", FORM, "X-Twilio-Signature", signature(path, form)))
                .status();
    }

    private boolean suppressed(Accounts.SignedIn who, String phone) {
        return api.get("/api/v1/suppressions/sms?limit=200", who.accessToken())
                .json()
                .get("items")
                .valueStream()
                .anyMatch(s -> s.get("address").asString().equals(phone));
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void segmentsAreCountedInTheEncodingTheTextNeeds() {
        String token = accounts.owner().accessToken();
        JsonNode euro = api.post("/api/v1/sms-campaigns/segments", token, "{\"body\": \"" + "€".repeat(100) + "\"}")
                .json();
        assertThat(euro.get("encoding").asString()).isEqualTo("GSM-7");
        assertThat(euro.get("units").asInt()).isEqualTo(200);
        assertThat(euro.get("segments").asInt()).isEqualTo(2);
        JsonNode cyrillic = api.post(
                        "/api/v1/sms-campaigns/segments", token, "{\"body\": \"" + "Привет".repeat(12) + "\"}")
                .json();
        assertThat(cyrillic.get("encoding").asString()).isEqualTo("UCS-2");
        assertThat(cyrillic.get("segments").asInt()).isEqualTo(2);
    }

    private Map<String, JsonNode> awaitSends(String token, UUID sms, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode view = api.get("/api/v1/sms-campaigns/" + sms, token).json();
            if (view.get("sms_campaign").get("status").asString().equals("sent")
                    || Instant.now().isAfter(deadline)) {
                break;
            }
            CampaignFlows.sleep(100);
        }
        return api.get("/api/v1/sms-campaigns/" + sms + "/sends", token)
                .json()
                .get("items")
                .valueStream()
                .collect(Collectors.toMap(s -> s.get("recipient_phone").asString(), s -> s));
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    /** Signed over the URL Twilio calls: with no public URL configured, this server at the port it listens on. */
    private String signature(String path, Map<String, String> params) {
        StringBuilder signed = new StringBuilder(api.publicUrl() + path);
        new TreeMap<>(params).forEach((k, v) -> signed.append(k).append(v));
        return Base64.getEncoder().encodeToString(Hmacs.sha1(AUTH_TOKEN, signed.toString()));
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String digits(int n) {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()))
                .substring(0, n);
    }

    /** What a test has just made is there: a missing entry fails here, naming it. */
    private static <V> V present(Map<String, V> map, String key) {
        return Objects.requireNonNull(map.get(key), () -> "no entry for " + key);
    }
}

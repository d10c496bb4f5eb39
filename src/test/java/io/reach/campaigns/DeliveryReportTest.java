package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.reach.platform.crypto.Hmacs;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import tools.jackson.databind.JsonNode;

/** Provider events and RFC 3464 bounce reports update sends; hard bounces and complaints suppress the address. */
@ReachTest
class DeliveryReportTest {

    private static final String SECRET = "test-email-webhook-secret";

    @Autowired
    Api api;
    @Autowired
    Accounts accounts;

    @Test
    void signedEventsAndDeliveryStatusNotificationsUpdateSendsAndSuppressHardBounces() {
        var flows = new CampaignFlows(api);
        String token = accounts.owner().accessToken();
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID template = flows.template(token, EmailCampaignTest.TEMPLATE);
        UUID email = flows.emailCampaign(token, flows.activeCampaign(token, ""), template);
        api.post("/api/v1/email-campaigns/" + email + "/recipients", token, """
                {"recipients": [{"email": "ok@%1$s", "variables": {"first_name": "A"}},
                 {"email": "gone@%1$s", "variables": {"first_name": "B"}},
                 {"email": "angry@%1$s", "variables": {"first_name": "C"}}]}""".formatted(domain));
        api.post("/api/v1/email-campaigns/" + email + "/send", token, "");
        flows.awaitProcessed(token, email);
        Map<String, String> ids = sends(token, email).stream().collect(Collectors.toMap(
                s -> s.get("recipient_email").asString().split("@")[0], s -> s.get("message_id").asString()));

        String events = """
                {"events": [{"type": "delivered", "message_id": "%s", "occurred_at": "2026-11-22T10:00:00Z"},
                 {"type": "complained", "message_id": "%s"},
                 {"type": "bounced", "message_id": "<nobody.at@all>"}]}""".formatted(ids.get("ok"), ids.get("angry"));
        assertThat(post(events, "application/json", "sha256=00").status()).isEqualTo(401);
        var applied = post(events, "application/json", sign(events));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("applied").asInt()).isEqualTo(2);
        assertThat(applied.json().get("ignored").asInt()).isEqualTo(1);

        String dsn = """
                From: MAILER-DAEMON@mx.example\r
                To: news@brand.example\r
                Subject: Undelivered Mail Returned to Sender\r
                MIME-Version: 1.0\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain\r
                \r
                Your message could not be delivered.\r
                --b1\r
                Content-Type: message/delivery-status\r
                \r
                Reporting-MTA: dns; mx.example\r
                \r
                Final-Recipient: rfc822; gone@%s\r
                Action: failed\r
                Status: 5.1.1\r
                Diagnostic-Code: smtp; 550 5.1.1 The email account that you tried to reach\r
                 does not exist\r
                \r
                --b1\r
                Content-Type: text/rfc822-headers\r
                \r
                Message-ID: %s\r
                Subject: B, the sale is on\r
                \r
                --b1--\r
                """.formatted(domain, ids.get("gone"));
        var bounced = post(dsn, "message/rfc822", sign(dsn));
        assertThat(bounced.status()).as(bounced.body()).isEqualTo(200);
        assertThat(bounced.json().get("applied").asInt()).isEqualTo(1);
        assertThat(post("not a report", "message/rfc822", sign("not a report")).json().get("applied").asInt()).isZero();

        Map<String, JsonNode> rows = sends(token, email).stream().collect(Collectors.toMap(
                s -> s.get("recipient_email").asString().split("@")[0], s -> s));
        assertThat(rows.get("ok").get("status").asString()).isEqualTo("delivered");
        assertThat(rows.get("ok").get("delivered_at").asString()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(rows.get("gone").get("status").asString()).isEqualTo("bounced");
        assertThat(rows.get("gone").get("bounce_reason").asString()).startsWith("5.1.1").contains("does not exist");
        assertThat(rows.get("angry").get("metadata").has("complained_at")).isTrue();
        assertThat(api.get("/api/v1/suppressions/email?limit=200", token).json().get("items").valueStream()
                .map(s -> s.get("address").asString() + ":" + s.get("reason").asString()))
                .contains("gone@" + domain + ":hard_bounce", "angry@" + domain + ":complaint")
                .doesNotContain("ok@" + domain + ":hard_bounce");
        JsonNode stats = api.get("/api/v1/email-campaigns/" + email + "/analytics", token).json();
        assertThat(stats.get("bounced").asLong()).isEqualTo(1);
        assertThat(stats.get("bounce_rate").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(stats.get("confirmed_delivered").asLong()).isEqualTo(1);
    }

    private Api.Response post(String body, String contentType, String signature) {
        return api.send("POST", "/api/v1/webhooks/email", null, body,
                List.of("Content-Type", contentType, "X-Reach-Signature", signature));
    }

    private static String sign(String body) {
        return "sha256=" + HexFormat.of().formatHex(Hmacs.sha256(SECRET, body));
    }

    private List<JsonNode> sends(String token, UUID email) {
        return api.get("/api/v1/email-campaigns/" + email + "/sends", token).json().get("items").valueStream().toList();
    }
}

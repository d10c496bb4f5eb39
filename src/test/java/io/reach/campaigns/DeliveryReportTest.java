package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.crypto.Hmacs;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID template = flows.template(token, EmailCampaignTest.TEMPLATE);
        UUID email = flows.emailCampaign(token, flows.activeCampaign(token, ""), template);
        api.post("/api/v1/email-campaigns/" + email + "/recipients", token, """
                {"recipients": [{"email": "ok@%1$s", "variables": {"first_name": "A"}},
                 {"email": "gone@%1$s", "variables": {"first_name": "B"}},
                 {"email": "angry@%1$s", "variables": {"first_name": "C"}}]}""".formatted(domain));
        api.post("/api/v1/email-campaigns/" + email + "/send", token, "");
        flows.awaitProcessed(token, email);
        Map<String, String> ids = sends(token, email).stream()
                .collect(Collectors.toMap(
                        s -> s.get("recipient_email").asString().split("@")[0],
                        s -> s.get("message_id").asString()));
        assertThat(sends(token, email))
                .as("Message-IDs name neither the tenant nor the send")
                .allSatisfy(send -> assertThat(send.get("message_id").asString())
                        .matches("<[A-Za-z0-9_-]+@brand\\.example>")
                        .doesNotContain(ada.tenantId().toString())
                        .doesNotContain(send.get("id").asString())
                        .doesNotContain(send.get("id").asString().replace("-", "")));

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
        assertThat(post("not a report", "message/rfc822", sign("not a report"))
                        .json()
                        .get("applied")
                        .asInt())
                .isZero();

        Map<String, JsonNode> rows = sends(token, email).stream()
                .collect(Collectors.toMap(
                        s -> s.get("recipient_email").asString().split("@")[0], s -> s));
        assertThat(present(rows, "ok").get("status").asString()).isEqualTo("delivered");
        assertThat(present(rows, "ok").get("delivered_at").asString()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(present(rows, "gone").get("status").asString()).isEqualTo("bounced");
        assertThat(present(rows, "gone").get("bounce_reason").asString())
                .startsWith("5.1.1")
                .contains("does not exist");
        assertThat(present(rows, "angry").get("metadata").has("complained_at")).isTrue();
        assertThat(api.get("/api/v1/suppressions/email?limit=200", token)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(s -> s.get("address").asString() + ":"
                                + s.get("reason").asString()))
                .contains("gone@" + domain + ":hard_bounce", "angry@" + domain + ":complaint")
                .doesNotContain("ok@" + domain + ":hard_bounce");
        JsonNode stats = api.get("/api/v1/email-campaigns/" + email + "/analytics", token)
                .json();
        assertThat(stats.get("bounced").asLong()).isEqualTo(1);
        assertThat(stats.get("bounce_rate").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(stats.get("confirmed_delivered").asLong()).isEqualTo(1);
    }

    @Test
    void aReportIsVerifiedOverItsRawBytesSoOneInLatin1IsAcceptedAndItsBounceApplied() {
        var flows = new CampaignFlows(api);
        String token = accounts.owner().accessToken();
        String domain = "l" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID email = flows.emailCampaign(
                token, flows.activeCampaign(token, ""), flows.template(token, EmailCampaignTest.TEMPLATE));
        api.post("/api/v1/email-campaigns/" + email + "/recipients", token, """
                {"recipients": [{"email": "weg@%1$s", "variables": {"first_name": "W"}},
                 {"email": "fort@%1$s", "variables": {"first_name": "F"}}]}""".formatted(domain));
        api.post("/api/v1/email-campaigns/" + email + "/send", token, "");
        flows.awaitProcessed(token, email);
        Map<String, String> ids = sends(token, email).stream()
                .collect(Collectors.toMap(
                        s -> s.get("recipient_email").asString().split("@")[0],
                        s -> s.get("message_id").asString()));

        byte[] latin1 = dsn("weg@" + domain, present(ids, "weg"), "550 5.1.1 Empf\u00e4nger unbekannt")
                .getBytes(StandardCharsets.ISO_8859_1);
        var bounced = post(latin1, "message/rfc822", sign(latin1));
        assertThat(bounced.status()).as(bounced.body()).isEqualTo(200);
        assertThat(bounced.json().get("applied").asInt()).isEqualTo(1);
        assertThat(post(latin1, "message/rfc822", sign(new String(latin1, StandardCharsets.UTF_8)))
                        .status())
                .as("a signature over the re-decoded text is not one over the bytes")
                .isEqualTo(401);

        String report = dsn("fort@" + domain, present(ids, "fort"), "550 5.1.1 no such user");
        String headers = report.substring(0, report.indexOf("\r\n\r\n"));
        String contentType = headers.substring(headers.indexOf("Content-Type: ") + 14);
        byte[] body = report.substring(report.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.US_ASCII);
        var posted = post(body, contentType, sign(body));
        assertThat(posted.status())
                .as("the report's MIME body posted as multipart/report: " + posted.body())
                .isEqualTo(200);
        assertThat(posted.json().get("applied").asInt()).isEqualTo(1);

        Map<String, JsonNode> rows = sends(token, email).stream()
                .collect(Collectors.toMap(
                        s -> s.get("recipient_email").asString().split("@")[0], s -> s));
        assertThat(present(rows, "weg").get("status").asString()).isEqualTo("bounced");
        assertThat(present(rows, "weg").get("bounce_reason").asString()).contains("Empf\u00e4nger unbekannt");
        assertThat(present(rows, "fort").get("status").asString()).isEqualTo("bounced");
        assertThat(api.get("/api/v1/suppressions/email?limit=200", token)
                        .json()
                        .get("items")
                        .valueStream()
                        .map(s -> s.get("address").asString()))
                .contains("weg@" + domain, "fort@" + domain);
    }

    @Test
    void aMalformedReportIsAProblemResponseNeverAServerError() {
        String head = "From: MAILER-DAEMON@mx.example\r\nMIME-Version: 1.0\r\n";
        StringBuilder nested = new StringBuilder(head + "Content-Type: multipart/mixed; boundary=\"n0\"\r\n\r\n");
        for (int i = 0; i < 6000; i++) {
            nested.append("--n")
                    .append(i)
                    .append("\r\nContent-Type: multipart/mixed; boundary=\"n")
                    .append(i + 1)
                    .append("\"\r\n\r\n");
        }
        for (int i = 6000; i >= 0; i--) {
            nested.append("--n").append(i).append("--\r\n");
        }
        Map<String, List<String>> reports = Map.of(
                "no parts",
                        List.of(
                                "message/rfc822",
                                head + "Content-Type: multipart/report; boundary=\"b1\"\r\n\r\nhello\r\n"),
                "unbalanced quote",
                        List.of(
                                "message/rfc822",
                                head + "Content-Type: multipart/report; boundary=\"b1\r\n\r\n--b1--\r\n"),
                "nested 6000 deep (a stack overflow)", List.of("message/rfc822", nested.toString()),
                "multipart body without boundary",
                        List.of(
                                "multipart/report; report-type=delivery-status; boundary=\"b1\"",
                                "no boundary here\r\n"),
                "multipart without a boundary parameter", List.of("multipart/report", "--b1\r\n\r\nx\r\n--b1--\r\n"),
                "multipart truncated",
                        List.of(
                                "multipart/report; boundary=\"b1\"",
                                "--b1\r\nContent-Type: message/delivery-status\r\n"));
        reports.forEach((name, report) -> {
            byte[] body = report.get(1).getBytes(StandardCharsets.US_ASCII);
            var answer = post(body, report.get(0), sign(body));
            assertThat(answer.status()).as(name + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.contentType()).as(name).startsWith("application/problem+json");
        });
    }

    private static String dsn(String recipient, String messageId, String diagnostic) {
        return """
                From: MAILER-DAEMON@mx.example\r
                To: news@brand.example\r
                Subject: Unzustellbar\r
                MIME-Version: 1.0\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset=iso-8859-1\r
                \r
                Die Nachricht konnte nicht zugestellt werden.\r
                --b1\r
                Content-Type: message/delivery-status\r
                \r
                Reporting-MTA: dns; mx.example\r
                \r
                Final-Recipient: rfc822; %s\r
                Action: failed\r
                Status: 5.1.1\r
                Diagnostic-Code: smtp; %s\r
                \r
                --b1\r
                Content-Type: text/rfc822-headers\r
                \r
                Message-ID: %s\r
                \r
                --b1--\r
                """.formatted(recipient, diagnostic, messageId);
    }

    private Api.Response post(byte[] body, String contentType, String signature) {
        return api.execute(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/webhooks/email"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType)
                .header("X-Reach-Signature", signature)
                .build());
    }

    private static String sign(byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Response post(String body, String contentType, String signature) {
        return api.send(
                "POST",
                "/api/v1/webhooks/email",
                null,
                body,
                List.of("Content-Type", contentType, "X-Reach-Signature", signature));
    }

    private static String sign(String body) {
        return "sha256=" + HexFormat.of().formatHex(Hmacs.sha256(SECRET, body));
    }

    private List<JsonNode> sends(String token, UUID email) {
        return api.get("/api/v1/email-campaigns/" + email + "/sends", token)
                .json()
                .get("items")
                .valueStream()
                .toList();
    }

    /** What a test has just made is there: a missing entry fails here, naming it. */
    private static <V> V present(Map<String, V> map, String key) {
        return Objects.requireNonNull(map.get(key), () -> "no entry for " + key);
    }
}

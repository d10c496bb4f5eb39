package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Api;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Steps the campaign tests share: templates, campaigns, e-mail campaigns through the API, and reading messages. */
public final class CampaignFlows {

    static final Pattern TRACKING = Pattern.compile("https?://[^\"\\s]+?(/api/v1/t/([ocu])/[A-Za-z0-9_-]+)");

    private final Api api;

    public CampaignFlows(Api api) {
        this.api = api;
    }

    public UUID template(String token, String body) {
        var created = api.post("/api/v1/templates", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("template_id").asString());
    }

    public UUID activeCampaign(String token, String extra) {
        var created = api.post("/api/v1/campaigns", token, "{\"name\": \"Spring sale\"" + extra + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        var active = api.post("/api/v1/campaigns/" + id + "/status", token, "{\"status\": \"active\"}");
        assertThat(active.status()).as(active.body()).isEqualTo(200);
        return id;
    }

    public UUID emailCampaign(String token, UUID campaign, UUID template) {
        var created = api.post("/api/v1/email-campaigns", token, """
                {"campaign_id": "%s", "template_id": "%s", "sender_email": "news@brand.example", "sender_name": "Brand"}""".formatted(campaign, template));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("email_campaign").get("id").asString());
    }

    /** A new e-mail campaign of {@link EmailCampaignTest#TEMPLATE} in an active campaign, to one recipient; not sent yet. */
    UUID emailCampaignTo(String token, String address, String firstName) {
        UUID email = emailCampaign(token, activeCampaign(token, ""), template(token, EmailCampaignTest.TEMPLATE));
        var added =
                api.post("/api/v1/email-campaigns/" + email + "/recipients", token, """
                {"recipients": [{"email": "%s", "variables": {"first_name": "%s"}}]}""".formatted(address, firstName));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return email;
    }

    /** Waits until every recipient of the e-mail campaign is processed; returns the campaign view. */
    public JsonNode awaitProcessed(String token, UUID emailCampaign) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode view;
        do {
            view = api.get("/api/v1/email-campaigns/" + emailCampaign, token).json();
            if (view.get("progress").get("processed").asLong()
                            == view.get("progress").get("total").asLong()
                    && view.get("email_campaign").get("status").asString().equals("sent")) {
                return view;
            }
            sleep(100);
        } while (Instant.now().isBefore(deadline));
        return view;
    }

    public static String recipientOf(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0])
                    .getAddress()
                    .toLowerCase();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTML and text parts of a message. */
    static List<String> parts(MimeMessage message) {
        try {
            List<String> parts = new ArrayList<>();
            collect(message.getContent(), parts);
            return parts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String html(MimeMessage message) {
        return parts(message).stream().filter(p -> p.contains("<")).findFirst().orElseThrow();
    }

    /** The tracking link paths of kind o (open), c (click) or u (unsubscribe) in a message's HTML. */
    static List<String> links(MimeMessage message, String kind) {
        Matcher matcher = TRACKING.matcher(html(message));
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.group(2).equals(kind)) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    private static void collect(Object content, List<String> parts) throws Exception {
        if (content instanceof String text) {
            parts.add(text);
        } else if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), parts);
            }
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

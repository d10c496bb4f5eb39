package io.reach.campaigns.email;

import io.reach.campaigns.CampaignProperties;
import io.reach.platform.crypto.Hmacs;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a mail provider (or a bounce mailbox forwarder) reports what became of messages: JSON
 * events ({@code delivered}, {@code bounced}, {@code complained}) or an RFC 3464 delivery status
 * notification, the whole bounce message posted as {@code message/rfc822} (or its MIME body as
 * {@code multipart/report}). Requests are signed over the body's bytes as sent: {@code X-Reach-Signature: sha256=<hex
 * HMAC-SHA256 of the body with reach.campaigns.email.webhook-secret>}.
 */
@RestController
@RequestMapping("/api/v1/webhooks/email")
@Tag(name = "E-mail tracking")
class EmailWebhookController {

    private final DeliveryEvents deliveries;
    private final CampaignProperties properties;
    private final JsonMapper json;

    EmailWebhookController(DeliveryEvents deliveries, CampaignProperties properties, JsonMapper json) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping
    @Operation(
            operationId = "receiveEmailEvents",
            summary = "Delivery, bounce and complaint events (JSON) or a DSN message (message/rfc822); signed")
    @ApiResponse(responseCode = "200", description = "Applied")
    @ApiResponse(responseCode = "401", description = "The signature does not verify")
    DeliveryEvents.Applied receive(
            @RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestHeader(value = "X-Reach-Signature", required = false) @Nullable String signature) {
        verify(body, signature);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        List<DeliveryEvent> events;
        try {
            events = type.startsWith("application/json")
                    ? events(json.readTree(body))
                    : DeliveryReports.parse(
                            contentType != null && type.startsWith("multipart/")
                                    ? DeliveryReports.withContentType(contentType, body)
                                    : body);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new BadRequestException(
                    "Unreadable report", Objects.requireNonNullElse(e.getMessage(), "not a delivery report"));
        }
        return deliveries.apply(events);
    }

    private void verify(byte[] body, @Nullable String signature) {
        String secret = properties.email().webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new Closed();
        }
        // over the bytes as they came: a report in another charset is signed as bytes, not as UTF-8 text
        String expected = "sha256=" + HexFormat.of().formatHex(Hmacs.sha256(secret, body));
        if (signature == null
                || !Hmacs.constantTimeEquals(expected, signature.trim().toLowerCase(Locale.ROOT))) {
            throw new Unsigned();
        }
    }

    private static List<DeliveryEvent> events(JsonNode root) {
        JsonNode list = root.has("events") ? root.get("events") : root;
        List<DeliveryEvent> events = new ArrayList<>();
        for (JsonNode event : list.isArray() ? list : List.of(list)) {
            String type = event.path("type").asString("").toUpperCase(Locale.ROOT);
            DeliveryEvent.Type kind;
            try {
                kind = DeliveryEvent.Type.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("type must be delivered, bounced or complained");
            }
            events.add(new DeliveryEvent(
                    kind,
                    text(event, "message_id"),
                    text(event, "recipient"),
                    "soft".equalsIgnoreCase(text(event, "bounce_type")) ? "soft" : "hard",
                    text(event, "reason"),
                    instant(text(event, "occurred_at"))));
        }
        return events;
    }

    private static @Nullable String text(JsonNode event, String field) {
        JsonNode value = event.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    private static @Nullable Instant instant(@Nullable String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurred_at must be an ISO-8601 instant");
        }
    }

    static final class Closed extends ApiException {
        Closed() {
            super(
                    org.springframework.http.HttpStatus.NOT_FOUND,
                    "Webhook closed",
                    "Set reach.campaigns.email.webhook-secret to receive delivery events");
        }
    }

    static final class Unsigned extends ApiException {
        Unsigned() {
            super(
                    org.springframework.http.HttpStatus.UNAUTHORIZED,
                    "Bad signature",
                    "X-Reach-Signature must be sha256=<hex HMAC-SHA256 of the body>");
        }
    }
}

package io.reach.publishing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reach.platform.security.OpenEndpoints;
import io.reach.platform.security.TokenHashes;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.NotFoundException;
import io.reach.social.SocialDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbound platform events. Meta (Facebook, Instagram, Threads) and X deliveries are accepted
 * only with a valid signature; each event is filed, once, under every tenant that connected the
 * account it concerns. Meta's subscription handshake and X's CRC check are answered here too.
 */
@RestController
@Tag(name = "Social webhooks")
class SocialWebhooks {

    private static final List<String> META = List.of("facebook", "instagram", "threads");

    private final String metaSecret;
    private final String metaVerifyToken;
    private final String xSecret;
    private final SocialDirectory social;
    private final InboundEvents events;
    private final TenantTransactions transactions;
    private final JsonMapper json;
    private final Clock clock;

    SocialWebhooks(@Value("${reach.social.meta.app-secret:}") String metaSecret,
            @Value("${reach.social.meta.verify-token:}") String metaVerifyToken,
            @Value("${reach.social.x.consumer-secret:}") String xSecret, SocialDirectory social, InboundEvents events,
            TenantTransactions transactions, JsonMapper json, Clock clock) {
        this.metaSecret = metaSecret;
        this.metaVerifyToken = metaVerifyToken;
        this.xSecret = xSecret;
        this.social = social;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/webhooks/social/{platform}")
    @Operation(operationId = "verifySocialWebhook", summary = "Meta's subscription handshake (hub.*) and X's CRC check (crc_token)")
    ResponseEntity<?> verify(@PathVariable String platform, @RequestParam(name = "hub.mode", required = false) @Nullable String mode,
            @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
            @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge,
            @RequestParam(name = "crc_token", required = false) @Nullable String crcToken) {
        if (META.contains(platform) && "subscribe".equals(mode) && challenge != null && !metaVerifyToken.isEmpty()
                && metaVerifyToken.equals(token)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
        }
        if (platform.equals("x") && crcToken != null && !xSecret.isEmpty()) {
            if (!WebhookSignatures.xCrcTokenShaped(crcToken)) {
                throw new BadRequestException("Malformed CRC token",
                        "A crc_token is up to 256 characters of the base64 alphabet");
            }
            return ResponseEntity.ok(Map.of("response_token", WebhookSignatures.xCrcResponse(xSecret, crcToken)));
        }
        throw new Rejected("The verification request does not match this installation");
    }

    @PostMapping(path = "/api/v1/webhooks/social/{platform}", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "receiveSocialWebhook", summary = "Signed platform events; stored once per tenant, then handed to automations")
    @ApiResponse(responseCode = "200", description = "Received")
    @ApiResponse(responseCode = "401", description = "The platform signature does not verify")
    ResponseEntity<Void> receive(@PathVariable String platform, @RequestBody String body, HttpServletRequest http) {
        boolean valid = META.contains(platform) ? !metaSecret.isEmpty()
                && WebhookSignatures.metaValid(metaSecret, body, http.getHeader("X-Hub-Signature-256"))
                : platform.equals("x") ? !xSecret.isEmpty() && WebhookSignatures.isJsonObject(body)
                        && WebhookSignatures.xValid(xSecret, body, http.getHeader("x-twitter-webhooks-signature"))
                        : unknown(platform);
        if (!valid) {
            throw new Rejected("The signature does not match the body");
        }
        JsonNode payload = parse(body);
        for (Event event : META.contains(platform) ? meta(payload) : x(payload)) {
            for (SocialDirectory.Route route : social.routes(platform, event.accountId())) {
                String type = EventFacts.typeOf(event.type(), event.payload(), event.accountId());
                transactions.inTransactionAs(TenantId.of(route.tenantId()), () -> events.store(platform, type,
                        event.payload().toString(), event.externalId(), route.socialAccountId(), clock.instant()));
            }
        }
        return ResponseEntity.ok().build();
    }

    record Event(String accountId, String type, String externalId, JsonNode payload) {
    }

    /**
     * Meta: {@code entry[].id} is the page or account; each {@code changes[]} is one event (named
     * by its field), each {@code messaging[]} one direct message (named by its {@code mid}).
     */
    private static List<Event> meta(JsonNode payload) {
        List<Event> found = new ArrayList<>();
        for (JsonNode entry : payload.path("entry")) {
            String account = entry.path("id").asString("");
            for (JsonNode change : entry.path("changes")) {
                String type = change.path("field").asString("unknown");
                found.add(new Event(account, type, TokenHashes.sha256(account + "|" + change), change));
            }
            for (JsonNode message : entry.path("messaging")) {
                String mid = message.path("message").path("mid").asString("");
                found.add(new Event(account, "messages", mid.isEmpty() ? TokenHashes.sha256(account + "|" + message) : mid,
                        message));
            }
        }
        return found;
    }

    /** X: {@code for_user_id} is the account; each {@code *_events} array holds events with their own ids. */
    private static List<Event> x(JsonNode payload) {
        List<Event> found = new ArrayList<>();
        String account = payload.path("for_user_id").asString("");
        for (var field : payload.properties()) {
            if (field.getKey().endsWith("_events") && field.getValue().isArray()) {
                for (JsonNode event : field.getValue()) {
                    String id = event.path("id_str").asString(event.path("id").asString(""));
                    found.add(new Event(account, field.getKey(), id.isEmpty() ? TokenHashes.sha256(event.toString()) : id,
                            event));
                }
            }
        }
        return found;
    }

    private JsonNode parse(String body) {
        try {
            JsonNode payload = json.readTree(body);
            if (payload == null || !payload.isObject()) {
                throw new BadRequestException("Malformed event", "The body is not a JSON object");
            }
            return payload;
        } catch (JacksonException e) {
            throw new BadRequestException("Malformed event", "The body is not JSON");
        }
    }

    private static boolean unknown(String platform) {
        throw new NotFoundException("Webhook", platform);
    }

    private static final class Rejected extends ApiException {
        Rejected(String detail) {
            super(HttpStatus.UNAUTHORIZED, "Webhook rejected", detail);
        }
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Endpoints {

        @Bean
        OpenEndpoints socialWebhookEndpoints() {
            return () -> List.of("/api/v1/webhooks/social/**");
        }
    }
}

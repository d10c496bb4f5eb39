package io.reach.publishing.automation;

import io.reach.platform.security.OpenEndpoints;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbound platform events. Meta (Facebook, Instagram, Threads) and X deliveries are accepted
 * only with a valid signature and handed to {@link SocialWebhookIntake}, which files each event,
 * once, under every tenant that connected the account it concerns. Meta's subscription handshake
 * and X's CRC check are answered here too.
 */
@RestController
@Tag(name = "Social webhooks")
class SocialWebhooks {

    private final String metaSecret;
    private final String metaVerifyToken;
    private final String xSecret;
    private final SocialWebhookIntake intake;
    private final JsonMapper json;

    SocialWebhooks(
            @Value("${reach.social.meta.app-secret:}") String metaSecret,
            @Value("${reach.social.meta.verify-token:}") String metaVerifyToken,
            @Value("${reach.social.x.consumer-secret:}") String xSecret,
            SocialWebhookIntake intake,
            JsonMapper json) {
        this.metaSecret = metaSecret;
        this.metaVerifyToken = metaVerifyToken;
        this.xSecret = xSecret;
        this.intake = intake;
        this.json = json;
    }

    @GetMapping(path = "/api/v1/webhooks/social/{platform}")
    @Operation(
            operationId = "verifySocialWebhook",
            summary = "Meta's subscription handshake (hub.*) and X's CRC check (crc_token)")
    ResponseEntity<?> verify(
            @PathVariable String platform,
            @RequestParam(name = "hub.mode", required = false) @Nullable String mode,
            @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
            @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge,
            @RequestParam(name = "crc_token", required = false) @Nullable String crcToken) {
        if (SocialWebhookIntake.META.contains(platform)
                && "subscribe".equals(mode)
                && challenge != null
                && !metaVerifyToken.isEmpty()
                && metaVerifyToken.equals(token)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
        }
        if (platform.equals("x") && crcToken != null && !xSecret.isEmpty()) {
            if (!WebhookSignatures.xCrcTokenShaped(crcToken)) {
                throw new BadRequestException(
                        "Malformed CRC token", "A crc_token is up to 256 characters of the base64 alphabet");
            }
            return ResponseEntity.ok(Map.of("response_token", WebhookSignatures.xCrcResponse(xSecret, crcToken)));
        }
        throw new Rejected("The verification request does not match this installation");
    }

    @PostMapping(path = "/api/v1/webhooks/social/{platform}", consumes = MediaType.ALL_VALUE)
    @Operation(
            operationId = "receiveSocialWebhook",
            summary = "Signed platform events; stored once per tenant, then handed to automations")
    @ApiResponse(responseCode = "200", description = "Received")
    @ApiResponse(responseCode = "401", description = "The platform signature does not verify")
    ResponseEntity<Void> receive(@PathVariable String platform, @RequestBody String body, HttpServletRequest http) {
        boolean valid = SocialWebhookIntake.META.contains(platform)
                ? !metaSecret.isEmpty()
                        && WebhookSignatures.metaValid(metaSecret, body, http.getHeader("X-Hub-Signature-256"))
                : platform.equals("x")
                        ? !xSecret.isEmpty()
                                && WebhookSignatures.isJsonObject(body)
                                && WebhookSignatures.xValid(
                                        xSecret, body, http.getHeader("x-twitter-webhooks-signature"))
                        : unknown(platform);
        if (!valid) {
            throw new Rejected("The signature does not match the body");
        }
        intake.file(platform, parse(body));
        return ResponseEntity.ok().build();
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
        throw WebhookNotFound.forPlatform(platform);
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

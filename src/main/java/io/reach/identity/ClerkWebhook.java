package io.reach.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.audit.SecurityEvent;
import io.reach.audit.SecurityEvent.Severity;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps users in step with Clerk: {@code user.created} and {@code user.updated} upsert the user
 * by its Clerk id, {@code user.deleted} deactivates it and ends its sessions. Only deliveries
 * signed with {@code reach.identity.clerk.webhook-secret} are accepted; a delivery seen before is
 * acknowledged and ignored.
 */
@RestController
@Tag(name = "Identity-provider sync")
class ClerkWebhook {

    private static final Logger log = LoggerFactory.getLogger(ClerkWebhook.class);
    private static final String REMEMBER = """
            insert into identity.webhook_deliveries (delivery_id, source, event_type, received_at)
            values (:id, 'clerk', :type, :now) on conflict (delivery_id) do nothing""";

    private final @Nullable SvixSignature signature;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final ProviderUsers users;
    private final RefreshTokens refreshTokens;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    ClerkWebhook(@Value("${reach.identity.clerk.webhook-secret:}") String secret, JsonMapper json, JdbcClient jdbc,
            ProviderUsers users, RefreshTokens refreshTokens, AuditTrail audit, TenantTransactions transactions, Ids ids,
            Clock clock) {
        this.signature = secret.isBlank() ? null : new SvixSignature(secret);
        this.json = json;
        this.jdbc = jdbc;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/webhooks/identity/clerk", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "receiveClerkEvent", summary = "Clerk user events (Svix-signed)")
    @ApiResponse(responseCode = "204", description = "Received; no content")
    @ApiResponse(responseCode = "401", description = "The Svix signature is missing, stale or does not verify")
    ResponseEntity<Void> receive(@RequestHeader(name = "svix-id", required = false) @Nullable String id,
            @RequestHeader(name = "svix-timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "svix-signature", required = false) @Nullable String signatures,
            @RequestBody String body, HttpServletRequest http) {
        if (signature == null) {
            throw new NotFoundException("Webhook", "clerk (not configured)");
        }
        Instant now = clock.instant();
        SvixSignature.Verdict verdict = signature.verify(id, timestamp, signatures, body, now);
        if (verdict != SvixSignature.Verdict.VALID) {
            audit.record(TenantId.PLATFORM, new SecurityEvent(null, "webhook.rejected", Severity.MEDIUM,
                    Map.of("source", "clerk", "verdict", verdict.name().toLowerCase()), RequestOrigins.of(http)));
            throw new Rejected(verdict);
        }
        JsonNode event = parse(body);
        String type = ClerkEvents.text(event, "type");
        transactions.inTransaction(() -> {
            boolean firstDelivery = jdbc.sql(REMEMBER).param("id", id).param("type", type)
                    .param("now", Users.utc(now)).update() == 1;
            if (firstDelivery) {
                apply(type, event.path("data"), now, http);
            }
        });
        return ResponseEntity.noContent().build();
    }

    private void apply(@Nullable String type, JsonNode data, Instant now, HttpServletRequest http) {
        switch (type == null ? "" : type) {
            case "user.created", "user.updated" -> ClerkEvents.user(data, now).ifPresentOrElse(user -> {
                UUID id = users.upsert(ids.next(), user, now);
                audit.record(TenantId.PLATFORM, AuditEntry.byIdentityProvider(id, "user.synced")
                        .on("user", id, "identity.users").values(Map.of("clerk_id", user.clerkId(), "event", type))
                        .from(RequestOrigins.of(http)));
            }, () -> log.warn("Clerk {} without a usable id or a verified primary e-mail address; ignored", type));
            case "user.deleted" -> {
                String clerkId = ClerkEvents.text(data, "id");
                if (clerkId != null) {
                    users.deactivate(clerkId, now).ifPresent(id -> {
                        refreshTokens.revokeAllOf(id, now);
                        audit.record(TenantId.PLATFORM, AuditEntry.byIdentityProvider(id, "user.deactivated")
                                .on("user", id, "identity.users").values(Map.of("clerk_id", clerkId))
                                .from(RequestOrigins.of(http)));
                    });
                }
            }
            default -> log.debug("Clerk event {} is not one Reach acts on", type);
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode event = json.readTree(body);
            if (event == null || !event.isObject()) {
                throw new Rejected(SvixSignature.Verdict.MALFORMED);
            }
            return event;
        } catch (JacksonException e) {
            throw new Rejected(SvixSignature.Verdict.MALFORMED);
        }
    }

    /** A delivery that is not from Clerk, or not now; Svix will retry it, which is what a legitimate sender wants. */
    private static final class Rejected extends ApiException {
        Rejected(SvixSignature.Verdict verdict) {
            super(verdict == SvixSignature.Verdict.MALFORMED ? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED,
                    "Webhook rejected", switch (verdict) {
                        case STALE -> "The svix-timestamp is more than 5 minutes away from now";
                        case BAD_SIGNATURE -> "No svix-signature matches the body";
                        default -> "The svix headers or the body are missing or malformed";
                    });
        }
    }
}

package io.reach.identity.clerk;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.audit.SecurityEvent;
import io.reach.audit.SecurityEvent.Severity;
import io.reach.identity.signin.RefreshTokens;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.time.UtcTimes;
import io.reach.platform.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps users in step with Clerk: {@code user.created} and {@code user.updated} upsert the user
 * by its Clerk id, {@code user.deleted} deactivates it and ends its sessions. Only deliveries
 * signed with {@code reach.identity.clerk.webhook-secret} are accepted (a rejected one is a
 * security event); a delivery seen before is acknowledged and ignored.
 */
@Service
class ClerkSync {

    private static final Logger log = LoggerFactory.getLogger(ClerkSync.class);
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

    ClerkSync(
            @Value("${reach.identity.clerk.webhook-secret:}") String secret,
            JsonMapper json,
            JdbcClient jdbc,
            ProviderUsers users,
            RefreshTokens refreshTokens,
            AuditTrail audit,
            TenantTransactions transactions,
            Ids ids,
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

    /** Verifies one delivery (its Svix headers and raw body) and applies it once. */
    void receive(
            @Nullable String id,
            @Nullable String timestamp,
            @Nullable String signatures,
            String body,
            RequestOrigin origin) {
        if (signature == null) {
            throw WebhookNotFound.notConfigured("clerk");
        }
        Instant now = clock.instant();
        SvixSignature.Verdict verdict = signature.verify(id, timestamp, signatures, body, now);
        if (verdict != SvixSignature.Verdict.VALID) {
            audit.record(
                    TenantId.PLATFORM,
                    new SecurityEvent(
                            null,
                            "webhook.rejected",
                            Severity.MEDIUM,
                            Map.of("source", "clerk", "verdict", verdict.name().toLowerCase()),
                            origin));
            throw new Rejected(verdict);
        }
        JsonNode event = parse(body);
        String type = ClerkEvents.text(event, "type");
        transactions.inTransaction(() -> {
            boolean firstDelivery = jdbc.sql(REMEMBER)
                            .param("id", id)
                            .param("type", type)
                            .param("now", UtcTimes.utc(now))
                            .update()
                    == 1;
            if (firstDelivery) {
                apply(type, event.path("data"), now, origin);
            }
        });
    }

    private void apply(@Nullable String type, JsonNode data, Instant now, RequestOrigin origin) {
        switch (type == null ? "" : type) {
            case "user.created", "user.updated" ->
                ClerkEvents.user(data, now)
                        .ifPresentOrElse(
                                user -> {
                                    UUID id = users.upsert(ids.next(), user, now);
                                    audit.record(
                                            TenantId.PLATFORM,
                                            AuditEntry.byIdentityProvider(id, "user.synced")
                                                    .on("user", id, "identity.users")
                                                    .values(Map.of("clerk_id", user.clerkId(), "event", type))
                                                    .from(origin));
                                },
                                () -> log.warn(
                                        "Clerk {} without a usable id or a verified primary e-mail address; ignored",
                                        type));
            case "user.deleted" -> {
                String clerkId = ClerkEvents.text(data, "id");
                if (clerkId != null) {
                    users.deactivate(clerkId, now).ifPresent(id -> {
                        refreshTokens.revokeAllOf(id, now);
                        audit.record(
                                TenantId.PLATFORM,
                                AuditEntry.byIdentityProvider(id, "user.deactivated")
                                        .on("user", id, "identity.users")
                                        .values(Map.of("clerk_id", clerkId))
                                        .from(origin));
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
            super(
                    verdict == SvixSignature.Verdict.MALFORMED ? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED,
                    "Webhook rejected",
                    switch (verdict) {
                        case STALE -> "The svix-timestamp is more than 5 minutes away from now";
                        case BAD_SIGNATURE -> "No svix-signature matches the body";
                        default -> "The svix headers or the body are missing or malformed";
                    });
        }
    }
}

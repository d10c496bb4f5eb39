package io.reach.publishing.automation;

import io.reach.platform.security.TokenHashes;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.SocialDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Files the events of a verified webhook delivery: each event, once, under every tenant that
 * connected the account it concerns, in a transaction of that tenant.
 */
@Service
class SocialWebhookIntake {

    static final List<String> META = List.of("facebook", "instagram", "threads");

    private final SocialDirectory social;
    private final InboundEvents events;
    private final TenantTransactions transactions;
    private final Clock clock;

    SocialWebhookIntake(SocialDirectory social, InboundEvents events, TenantTransactions transactions, Clock clock) {
        this.social = social;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Event(String accountId, String type, String externalId, JsonNode payload) {}

    /** Files the delivery's events (a Meta platform's or X's shape) under the tenants that connected their accounts. */
    void file(String platform, JsonNode payload) {
        for (Event event : META.contains(platform) ? meta(payload) : x(payload)) {
            for (SocialDirectory.Route route : social.routes(platform, event.accountId())) {
                String type = EventFacts.typeOf(event.type(), event.payload(), event.accountId());
                transactions.inTransactionAs(
                        TenantId.of(route.tenantId()),
                        () -> events.store(
                                platform,
                                type,
                                event.payload().toString(),
                                event.externalId(),
                                route.socialAccountId(),
                                clock.instant()));
            }
        }
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
                found.add(new Event(
                        account,
                        "messages",
                        mid.isEmpty() ? TokenHashes.sha256(account + "|" + message) : mid,
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
                    found.add(new Event(
                            account, field.getKey(), id.isEmpty() ? TokenHashes.sha256(event.toString()) : id, event));
                }
            }
        }
        return found;
    }
}

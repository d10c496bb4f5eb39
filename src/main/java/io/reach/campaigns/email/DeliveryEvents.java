package io.reach.campaigns.email;

import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.suppression.SuppressionLists;
import io.reach.campaigns.suppression.SuppressionReason;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies delivery events to the sends they name: deliveries, bounces (a hard one suppresses the
 * address in the send's tenant) and complaints (suppress too). The tenant and send come from the
 * Message-ID, sealed by Reach ({@link MessageIds}), so an event cannot touch another tenant's rows.
 */
@Component
class DeliveryEvents {

    private final EmailSends sends;
    private final SuppressionLists suppressions;
    private final TrackingTokens tokens;
    private final TenantTransactions transactions;
    private final Clock clock;

    DeliveryEvents(
            EmailSends sends,
            SuppressionLists suppressions,
            TrackingTokens tokens,
            TenantTransactions transactions,
            Clock clock) {
        this.sends = sends;
        this.suppressions = suppressions;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Applied(int applied, int ignored) {}

    Applied apply(List<DeliveryEvent> events) {
        int applied = 0;
        for (DeliveryEvent event : events) {
            applied += apply(event) ? 1 : 0;
        }
        return new Applied(applied, events.size() - applied);
    }

    private boolean apply(DeliveryEvent event) {
        MessageIds.Identified id = event.messageId() == null
                ? null
                : MessageIds.read(tokens, event.messageId()).orElse(null);
        if (id == null) {
            return false;
        }
        UUID send = id.send();
        TenantId tenant = id.tenant();
        Instant at = event.occurredAt() == null ? clock.instant() : event.occurredAt();
        return transactions.inTransactionAs(
                tenant,
                () -> sends.find(send)
                        .map(row -> {
                            String address = row.recipientEmail().toLowerCase();
                            return switch (event.type()) {
                                case DELIVERED -> sends.delivered(send, at);
                                case BOUNCED -> {
                                    boolean bounced = sends.bounced(
                                            send,
                                            event.hardBounce() ? "hard" : "soft",
                                            event.reason() == null ? "bounced" : event.reason(),
                                            at);
                                    if (bounced && event.hardBounce()) {
                                        suppressions.suppressFor(
                                                Channel.EMAIL, address, SuppressionReason.HARD_BOUNCE, send, at);
                                    }
                                    yield bounced;
                                }
                                case COMPLAINED -> {
                                    suppressions.suppressFor(
                                            Channel.EMAIL, address, SuppressionReason.COMPLAINT, send, at);
                                    yield sends.complained(send, at);
                                }
                            };
                        })
                        .orElse(false));
    }
}

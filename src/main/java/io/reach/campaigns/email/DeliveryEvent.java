package io.reach.campaigns.email;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a provider or a DSN says became of a message, located by the Message-ID Reach gave it. */
record DeliveryEvent(
        Type type,
        @Nullable String messageId,
        @Nullable String recipient,
        @Nullable String bounceType,
        @Nullable String reason,
        @Nullable Instant occurredAt) {

    enum Type {
        DELIVERED,
        BOUNCED,
        COMPLAINED
    }

    boolean hardBounce() {
        return type == Type.BOUNCED && "hard".equals(bounceType);
    }
}

package io.reach.campaigns.sending;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What became of one claimed row; {@code status} is sent, pending (accepted by a provider) or failed. */
public record SendOutcome(
        UUID sendId,
        String address,
        SendStatus status,
        @Nullable String reference,
        @Nullable String reason,
        @Nullable Integer segments,
        Instant at) {

    public SendOutcome {
        if (status.waiting()) {
            throw new IllegalArgumentException("A claimed send cannot end " + status.code());
        }
    }

    public static SendOutcome accepted(
            QueuedSend send, SendStatus status, @Nullable String reference, @Nullable Integer segments, Instant at) {
        return new SendOutcome(send.id(), send.address(), status, reference, null, segments, at);
    }

    public static SendOutcome failed(QueuedSend send, String reason, Instant at) {
        return new SendOutcome(send.id(), send.address(), SendStatus.failed(send.channel()), null, reason, null, at);
    }

    boolean failed() {
        return status.failed();
    }
}

package io.reach.campaigns.sending;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import io.reach.platform.state.Transitions;
import io.reach.platform.web.Codes;

/**
 * One SMS's state, with the moves each allows: claimed from the queue (or suppressed), accepted by
 * the provider (pending) or failed, then forward only as its status callbacks arrive: pending &lt; sent
 * &lt; delivered | failed, so a late "sent" never undoes "delivered". The update statements of
 * {@code sms.SmsCampaigns} and {@link SendQueue} make the same moves in SQL.
 */
@CheckSet(table = "campaigns.sms_sends", column = "status")
public enum SmsSendStatus implements SendStatus {
    QUEUED,
    SENDING,
    PENDING,
    SENT,
    DELIVERED,
    FAILED,
    SUPPRESSED;

    private static final Transitions<SmsSendStatus> MOVES = Transitions.of(SmsSendStatus.class, "SMS")
            .allow(QUEUED, SENDING, SUPPRESSED)
            .allow(SENDING, QUEUED, PENDING, SENT, DELIVERED, FAILED)
            .allow(PENDING, SENT, DELIVERED, FAILED)
            .allow(SENT, DELIVERED, FAILED)
            .build();

    boolean canMoveTo(SmsSendStatus next) {
        return MOVES.allows(this, next);
    }

    /** The next status, or a refusal saying why not (a delivered SMS cannot become pending again). */
    SmsSendStatus moveTo(SmsSendStatus next) {
        return MOVES.require(this, next);
    }

    @Override
    public boolean waiting() {
        return this == QUEUED || this == SENDING;
    }

    @Override
    public boolean failed() {
        return this == FAILED;
    }

    @Override
    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    static SmsSendStatus ofCode(String code) {
        return Codes.of(SmsSendStatus.class, code, "status");
    }
}

package io.reach.campaigns;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import io.reach.platform.CheckSet;
import io.reach.platform.web.ConflictException;

/**
 * One SMS's state, with the moves each allows: claimed from the queue (or suppressed), accepted by
 * the provider (pending) or failed, then forward only as its status callbacks arrive: pending &lt; sent
 * &lt; delivered | failed, so a late "sent" never undoes "delivered". The update statements of
 * {@code sms.SmsCampaigns} and {@link SendQueue} make the same moves in SQL.
 */
@CheckSet(table = "campaigns.sms_sends", column = "status")
public enum SmsSendStatus implements SendStatus {
    QUEUED, SENDING, PENDING, SENT, DELIVERED, FAILED, SUPPRESSED;

    private static final Map<SmsSendStatus, Set<SmsSendStatus>> NEXT = Map.of(
            QUEUED, Set.of(SENDING, SUPPRESSED),
            SENDING, Set.of(QUEUED, PENDING, SENT, DELIVERED, FAILED),
            PENDING, Set.of(SENT, DELIVERED, FAILED),
            SENT, Set.of(DELIVERED, FAILED),
            DELIVERED, Set.of(),
            FAILED, Set.of(),
            SUPPRESSED, Set.of());

    boolean canMoveTo(SmsSendStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The next status, or a refusal saying why not (a delivered SMS cannot become pending again). */
    SmsSendStatus moveTo(SmsSendStatus next) {
        if (!canMoveTo(next)) {
            throw new ConflictException("Not allowed now", "A " + code() + " SMS cannot become " + next.code());
        }
        return next;
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

package io.reach.campaigns;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import io.reach.platform.CheckSet;
import io.reach.platform.web.ConflictException;

/**
 * One e-mail's state, in its order of progress, with the moves each allows: claimed from the queue
 * (or suppressed), sent or failed, then delivered, opened, clicked as the events arrive; a bounce
 * can follow anything that left. The update statements of {@code email.EmailSends} and {@link SendQueue}
 * make the same moves in SQL.
 */
@CheckSet(table = "campaigns.email_sends", column = "status")
public enum EmailSendStatus implements SendStatus {
    QUEUED, SENDING, SENT, DELIVERED, OPENED, CLICKED, BOUNCED, FAILED, SUPPRESSED;

    private static final Map<EmailSendStatus, Set<EmailSendStatus>> NEXT = Map.of(
            QUEUED, Set.of(SENDING, SUPPRESSED),
            SENDING, Set.of(QUEUED, SENT, FAILED),
            SENT, Set.of(DELIVERED, OPENED, CLICKED, BOUNCED),
            DELIVERED, Set.of(OPENED, CLICKED, BOUNCED),
            OPENED, Set.of(CLICKED, BOUNCED),
            CLICKED, Set.of(BOUNCED),
            BOUNCED, Set.of(),
            FAILED, Set.of(BOUNCED),
            SUPPRESSED, Set.of());

    boolean canMoveTo(EmailSendStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The next status, or a refusal saying why not (a sent e-mail cannot go back to queued). */
    EmailSendStatus moveTo(EmailSendStatus next) {
        if (!canMoveTo(next)) {
            throw new ConflictException("Not allowed now", "A " + code() + " e-mail cannot become " + next.code());
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

    static EmailSendStatus ofCode(String code) {
        return Codes.of(EmailSendStatus.class, code, "status");
    }
}

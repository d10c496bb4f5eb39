package io.reach.campaigns.sending;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import io.reach.platform.state.Transitions;
import io.reach.platform.web.Codes;

/**
 * One e-mail's state, in its order of progress, with the moves each allows: claimed from the queue
 * (or suppressed), sent or failed, then delivered, opened, clicked as the events arrive; a bounce
 * can follow anything that left. The update statements of {@code email.EmailSends} and {@link SendQueue}
 * make the same moves in SQL.
 */
@CheckSet(table = "campaigns.email_sends", column = "status")
public enum EmailSendStatus implements SendStatus {
    QUEUED,
    SENDING,
    SENT,
    DELIVERED,
    OPENED,
    CLICKED,
    BOUNCED,
    FAILED,
    SUPPRESSED;

    private static final Transitions<EmailSendStatus> MOVES = Transitions.of(EmailSendStatus.class, "e-mail")
            .allow(QUEUED, SENDING, SUPPRESSED)
            .allow(SENDING, QUEUED, SENT, FAILED)
            .allow(SENT, DELIVERED, OPENED, CLICKED, BOUNCED)
            .allow(DELIVERED, OPENED, CLICKED, BOUNCED)
            .allow(OPENED, CLICKED, BOUNCED)
            .allow(CLICKED, BOUNCED)
            .allow(FAILED, BOUNCED)
            .build();

    boolean canMoveTo(EmailSendStatus next) {
        return MOVES.allows(this, next);
    }

    /** The next status, or a refusal saying why not (a sent e-mail cannot go back to queued). */
    EmailSendStatus moveTo(EmailSendStatus next) {
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

    static EmailSendStatus ofCode(String code) {
        return Codes.of(EmailSendStatus.class, code, "status");
    }
}

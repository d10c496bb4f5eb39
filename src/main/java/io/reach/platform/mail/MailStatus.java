package io.reach.platform.mail;

import io.reach.platform.CheckSet;
import io.reach.platform.state.Transitions;

/**
 * An outgoing mail's state: pending until sent, kept (no SMTP server configured; its body stays for
 * the operator) or failed after the last attempt; a failed attempt before that leaves it pending.
 */
@CheckSet(table = "platform.mail_outbox", column = "status")
enum MailStatus {
    PENDING,
    SENT,
    KEPT,
    FAILED;

    private static final Transitions<MailStatus> MOVES = Transitions.of(MailStatus.class, "mail")
            .allow(PENDING, PENDING, SENT, KEPT, FAILED)
            .build();

    boolean canMoveTo(MailStatus next) {
        return MOVES.allows(this, next);
    }

    String code() {
        return name().toLowerCase();
    }
}

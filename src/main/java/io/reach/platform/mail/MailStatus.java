package io.reach.platform.mail;

import java.util.Map;
import java.util.Set;

import io.reach.platform.CheckSet;

/**
 * An outgoing mail's state: pending until sent, kept (no SMTP server configured; its body stays for
 * the operator) or failed after the last attempt; a failed attempt before that leaves it pending.
 */
@CheckSet(table = "platform.mail_outbox", column = "status")
enum MailStatus {
    PENDING, SENT, KEPT, FAILED;

    private static final Map<MailStatus, Set<MailStatus>> NEXT = Map.of(
            PENDING, Set.of(PENDING, SENT, KEPT, FAILED),
            SENT, Set.of(),
            KEPT, Set.of(),
            FAILED, Set.of());

    boolean canMoveTo(MailStatus next) {
        return NEXT.get(this).contains(next);
    }

    String code() {
        return name().toLowerCase();
    }
}

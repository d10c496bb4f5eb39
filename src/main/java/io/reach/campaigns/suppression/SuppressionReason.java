package io.reach.campaigns.suppression;

import io.reach.platform.CheckSet;

/** Why an address gets no more messages of a channel; a START reply lifts only a STOP. */
@CheckSet(table = "campaigns.suppressions", column = "reason")
public enum SuppressionReason {
    UNSUBSCRIBED,
    HARD_BOUNCE,
    COMPLAINT,
    STOP,
    MANUAL;

    String code() {
        return name().toLowerCase();
    }
}

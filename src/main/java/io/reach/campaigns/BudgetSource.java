package io.reach.campaigns;

import io.reach.campaigns.sending.Channel;
import io.reach.platform.CheckSet;

/** Where a budget entry comes from: a manual spend, the messages of a channel, or a refund of unsent ones. */
@CheckSet(table = "campaigns.budget_entries", column = "source")
enum BudgetSource {
    MANUAL,
    EMAIL,
    SMS,
    REFUND;

    static BudgetSource of(Channel channel) {
        return channel == Channel.EMAIL ? EMAIL : SMS;
    }

    String code() {
        return name().toLowerCase();
    }
}

package io.reach.tenancy;

import io.reach.platform.CheckSet;

/**
 * The quotas {@code tenancy.monthly_usage} counts: the {@link Quota.Kind#MONTHLY} ones, named as their
 * column. A set of its own because the table's CHECK holds only these.
 */
@CheckSet(table = "tenancy.monthly_usage", column = "quota")
enum MonthlyQuota {
    EMAILS(Quota.MONTHLY_EMAILS),
    SMS(Quota.MONTHLY_SMS),
    EVENTS(Quota.MONTHLY_EVENTS),
    AI_TOKENS(Quota.MONTHLY_AI_TOKENS);

    private final Quota quota;

    MonthlyQuota(Quota quota) {
        this.quota = quota;
    }

    /** The monthly quota {@code quota} is; refuses a count or rate quota, which no month counts. */
    static MonthlyQuota of(Quota quota) {
        for (MonthlyQuota monthly : values()) {
            if (monthly.quota == quota) {
                return monthly;
            }
        }
        throw new IllegalArgumentException(quota.column() + " is not a monthly quota");
    }

    Quota quota() {
        return quota;
    }

    String code() {
        return quota.column();
    }
}

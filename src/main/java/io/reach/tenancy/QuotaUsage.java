package io.reach.tenancy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One quota of a tenant: its limit (null = unlimited; for API requests the limit in force, the
 * installation default when the tenant has none), what is used and what remains. {@code period}
 * is the UTC month (yyyy-MM) of a monthly quota, {@code window_seconds} the window of a rate.
 * {@code enforced} is false for quotas with nothing to count yet (podcasts, storage, AI tokens).
 */
public record QuotaUsage(
        String quota,
        @Nullable Long limit,
        long used,
        @Nullable Long remaining,
        @Nullable String period,
        @Nullable Integer windowSeconds,
        boolean enforced) {

    /** A tenant's quotas in the UTC month {@code month}. */
    public record OfTenant(String month, List<QuotaUsage> quotas) {}
}

package io.reach.tenancy;

import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

/**
 * The limits the platform enforces for one tenant; a null limit means unlimited. Modules enforce
 * them through {@link QuotaEnforcement}.
 */
public record TenantQuotas(
        @PositiveOrZero @Nullable Integer maxUsers,
        @PositiveOrZero @Nullable Integer maxPodcasts,
        @PositiveOrZero @Nullable Integer maxCampaigns,
        @PositiveOrZero @Nullable Integer maxSocialAccounts,
        @PositiveOrZero @Nullable Long maxStorageBytes,
        @PositiveOrZero @Nullable Long maxMonthlyEmails,
        @PositiveOrZero @Nullable Long maxMonthlySms,
        @PositiveOrZero @Nullable Long maxMonthlyEvents,
        @PositiveOrZero @Nullable Long maxMonthlyAiTokens,
        @PositiveOrZero @Nullable Integer maxApiRequestsPerMinute) {

    public static TenantQuotas unlimited() {
        return new TenantQuotas(null, null, null, null, null, null, null, null, null, null);
    }
}

package io.reach.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * The limits of {@code tenancy.tenant_quotas}, each named as its column (which is how APIs and
 * problems name it). A quota limits a count of things the tenant has, a volume per UTC calendar
 * month, or API requests per minute.
 */
public enum Quota {
    USERS("max_users", Kind.COUNT),
    PODCASTS("max_podcasts", Kind.COUNT),
    CAMPAIGNS("max_campaigns", Kind.COUNT),
    SOCIAL_ACCOUNTS("max_social_accounts", Kind.COUNT),
    STORAGE_BYTES("max_storage_bytes", Kind.COUNT),
    MONTHLY_EMAILS("max_monthly_emails", Kind.MONTHLY),
    MONTHLY_SMS("max_monthly_sms", Kind.MONTHLY),
    MONTHLY_EVENTS("max_monthly_events", Kind.MONTHLY),
    MONTHLY_AI_TOKENS("max_monthly_ai_tokens", Kind.MONTHLY),
    API_REQUESTS_PER_MINUTE("max_api_requests_per_minute", Kind.RATE);

    enum Kind {
        COUNT,
        MONTHLY,
        RATE
    }

    private final String column;
    private final Kind kind;

    Quota(String column, Kind kind) {
        this.column = column;
        this.kind = kind;
    }

    /** The quota's column in {@code tenancy.tenant_quotas}, and its name in the API. */
    public String column() {
        return column;
    }

    Kind kind() {
        return kind;
    }

    @Nullable
    Long limitIn(TenantQuotas quotas) {
        Number limit = switch (this) {
            case USERS -> quotas.maxUsers();
            case PODCASTS -> quotas.maxPodcasts();
            case CAMPAIGNS -> quotas.maxCampaigns();
            case SOCIAL_ACCOUNTS -> quotas.maxSocialAccounts();
            case STORAGE_BYTES -> quotas.maxStorageBytes();
            case MONTHLY_EMAILS -> quotas.maxMonthlyEmails();
            case MONTHLY_SMS -> quotas.maxMonthlySms();
            case MONTHLY_EVENTS -> quotas.maxMonthlyEvents();
            case MONTHLY_AI_TOKENS -> quotas.maxMonthlyAiTokens();
            case API_REQUESTS_PER_MINUTE -> quotas.maxApiRequestsPerMinute();
        };
        return limit == null ? null : limit.longValue();
    }
}

package io.reach.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.reach.platform.ratelimit.RateLimits;
import io.reach.platform.ratelimit.RateLimits.Limit;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The per-minute API request limits of tenants and API keys, as windows of {@link RateLimits}.
 * A tenant's own {@code max_api_requests_per_minute} is read at most every 30 seconds (at once
 * on the node that changed it); without one the installation default applies.
 */
@Component
@EnableConfigurationProperties(ApiRateLimitProperties.class)
class TenantRequestRates {

    static final String TENANT_POLICY = "tenant";
    static final String KEY_POLICY = "api-key";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimits limits;
    private final TenantConfigurations configurations;
    private final TenantTransactions transactions;
    private final ApiRateLimitProperties properties;
    private final Cache<TenantId, Long> perTenant = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(100_000)
            .build();

    TenantRequestRates(
            RateLimits limits,
            TenantConfigurations configurations,
            TenantTransactions transactions,
            ApiRateLimitProperties properties) {
        this.limits = limits;
        this.configurations = configurations;
        this.transactions = transactions;
        this.properties = properties;
    }

    boolean enabled() {
        return properties.enabled();
    }

    RateLimits.Window takeForTenant(TenantId tenant) {
        return limits.take(tenant.toString(), tenantLimit(tenant));
    }

    RateLimits.Window peekForTenant(TenantId tenant) {
        return limits.peek(tenant.toString(), tenantLimit(tenant));
    }

    RateLimits.Window takeForKey(UUID key) {
        return limits.take(key.toString(), keyLimit());
    }

    /** The tenant's requests a minute: its own quota, else the installation default. */
    long perMinute(TenantId tenant) {
        return perTenant.get(tenant, this::read);
    }

    /** Forgets what this node read of a tenant's limit, after the tenant's quotas changed. */
    void forget(TenantId tenant) {
        perTenant.invalidate(tenant);
    }

    private Long read(TenantId tenant) {
        Long own = transactions.inTransactionAs(
                tenant,
                () -> configurations
                        .findQuotas()
                        .map(Quota.API_REQUESTS_PER_MINUTE::limitIn)
                        .orElse(null));
        return own != null ? own : properties.perTenantPerMinute();
    }

    private Limit tenantLimit(TenantId tenant) {
        return new Limit(TENANT_POLICY, perMinute(tenant), MINUTE);
    }

    private Limit keyLimit() {
        return new Limit(KEY_POLICY, properties.perKeyPerMinute(), MINUTE);
    }
}

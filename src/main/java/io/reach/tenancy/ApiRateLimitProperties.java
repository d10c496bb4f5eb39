package io.reach.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reach.api.rate-limit.*}: API requests a minute for a tenant without its own
 * {@code max_api_requests_per_minute}, and for each API key whatever its tenant's limit.
 * Counted per node (in memory).
 */
@ConfigurationProperties("reach.api.rate-limit")
record ApiRateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1200") int perTenantPerMinute,
        @DefaultValue("600") int perKeyPerMinute) {

    ApiRateLimitProperties {
        if (perTenantPerMinute < 1 || perKeyPerMinute < 1) {
            throw new IllegalArgumentException(
                    "reach.api.rate-limit.per-tenant-per-minute and per-key-per-minute must be"
                            + " at least 1 (turn the limits off with reach.api.rate-limit.enabled=false)");
        }
    }
}

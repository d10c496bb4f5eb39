package io.reach.tenancy;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code reach.tenancy.default-quotas.*}: the limits a new tenant gets when its creator names none. */
@ConfigurationProperties("reach.tenancy")
record TenancyProperties(@Nullable TenantQuotas defaultQuotas) {

    TenantQuotas quotasForNewTenants() {
        return defaultQuotas == null ? TenantQuotas.unlimited() : defaultQuotas;
    }
}

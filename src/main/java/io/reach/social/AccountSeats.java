package io.reach.social;

import io.reach.platform.tenant.TenantContext;
import io.reach.tenancy.Quota;
import io.reach.tenancy.QuotaCounter;
import io.reach.tenancy.QuotaEnforcement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What {@code max_social_accounts} counts: the tenant's accounts that are not disconnected.
 * Connecting a new account takes a place; reconnecting one already counted does not.
 */
@Component
class AccountSeats implements QuotaCounter {

    private static final String COUNT = """
            select count(*) from social.social_accounts where tenant_id = :tenant and status <> 'disconnected'""";
    private static final String COUNTED = """
            select exists (select 1 from social.social_accounts where tenant_id = :tenant and platform = :platform
                           and platform_user_id = :platformUserId and status <> 'disconnected')""";

    private final JdbcClient jdbc;
    private final QuotaEnforcement quotas;

    AccountSeats(JdbcClient jdbc, QuotaEnforcement quotas) {
        this.jdbc = jdbc;
        this.quotas = quotas;
    }

    @Override
    public Quota quota() {
        return Quota.SOCIAL_ACCOUNTS;
    }

    @Override
    public long count() {
        return jdbc.sql(COUNT)
                .param("tenant", TenantContext.require().value())
                .query(Long.class)
                .single();
    }

    /** Refuses (409) connecting the account unless it is counted already or there is room; inside the connecting transaction. */
    void admit(String platform, String platformUserId) {
        boolean counted = Boolean.TRUE.equals(jdbc.sql(COUNTED)
                .param("tenant", TenantContext.require().value())
                .param("platform", platform)
                .param("platformUserId", platformUserId)
                .query(Boolean.class)
                .single());
        quotas.admit(Quota.SOCIAL_ACCOUNTS, counted ? 0 : 1);
    }
}

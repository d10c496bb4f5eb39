package io.reach.campaigns;

import io.reach.tenancy.Quota;
import io.reach.tenancy.QuotaCounter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What {@code max_campaigns} counts: the tenant's campaigns that are not archived (archiving one frees its place). */
@Component
class CampaignCount implements QuotaCounter {

    private static final String COUNT = """
            select count(*) from campaigns.campaigns where tenant_id = :tenant and status <> 'archived'""";

    private final JdbcClient jdbc;

    CampaignCount(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Quota quota() {
        return Quota.CAMPAIGNS;
    }

    @Override
    public long count() {
        return jdbc.sql(COUNT).param("tenant", Sql.tenant()).query(Long.class).single();
    }
}

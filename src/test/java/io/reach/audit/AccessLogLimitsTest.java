package io.reach.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One user cannot grow {@code audit.access_logs} without bound: repeats are folded, and each user has an hourly cap. */
@ReachTest
class AccessLogLimitsTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    AuditTrail audit;

    @Autowired
    AccessLogRetention retention;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameRefusalRepeatedIsRecordedOnce() {
        Accounts.SignedIn ada = accounts.owner();
        String member = accounts.member(ada, "member", fixtures);

        for (int i = 0; i < 20; i++) {
            assertThat(api.get("/api/v1/api-keys", member).status()).isEqualTo(403);
        }
        api.get("/api/v1/audit-logs", member);

        assertThat(denials(ada.tenantId(), "api_keys")).isEqualTo(1);
        assertThat(denials(ada.tenantId(), "audit_logs"))
                .as("a different refusal is still recorded")
                .isEqualTo(1);
    }

    @Test
    void oneUsersRefusalsAreCappedPerHour() {
        Accounts.SignedIn ada = accounts.owner();
        UUID mallory = UUID.randomUUID();

        TenantContext.runAs(new TenantId(ada.tenantId()), () -> {
            for (int i = 0; i < 650; i++) {
                audit.recordDenial(mallory, "posts", UUID.randomUUID().toString(), "read", "probing", null);
            }
            audit.recordDenial(UUID.randomUUID(), "posts", UUID.randomUUID().toString(), "read", "someone else", null);
        });

        assertThat(denials(ada.tenantId(), "posts")).isEqualTo(601);
    }

    @Test
    void recordsOlderThanTheRetentionArePurged() {
        Accounts.SignedIn ada = accounts.owner();
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            for (int days : new int[] {91, 89}) {
                jdbc.update("""
                        insert into audit.access_logs (tenant_id, id, user_id, resource_type, action, allowed, reason, occurred_at)
                        values (?, gen_random_uuid(), null, 'retention', 'read', false, ?, now() - make_interval(days => ?))""", ada.tenantId(), days + " days ago", days);
            }
        });

        assertThat(retention.purge()).isPositive();

        assertThat(denials(ada.tenantId(), "retention"))
                .as("the 89-day-old record stays")
                .isEqualTo(1);
    }

    @Test
    void theRuntimeRoleCannotPurgeRecentRecords() {
        Accounts.SignedIn ada = accounts.owner();

        assertThatThrownBy(() -> transactions.inTransactionAs(
                        new TenantId(ada.tenantId()),
                        () -> jdbc.sql("select audit.purge_access_logs(now())")
                                .query(Integer.class)
                                .single()))
                .hasStackTraceContaining("kept at least a day");
        assertThatThrownBy(() -> transactions.inTransactionAs(
                        new TenantId(ada.tenantId()),
                        () -> jdbc.sql("delete from audit.access_logs").update()))
                .hasStackTraceContaining("permission denied");
    }

    private long denials(UUID tenant, String resourceType) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForObject(
                    "select count(*) from audit.access_logs where resource_type = ?", Long.class, resourceType);
        });
    }
}

package io.reach.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.ReachTest;
import io.reach.support.TenantMother;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tenancy repository under row-level security: it answers for the bound tenant and nobody else. */
@ReachTest
class TenantConfigurationsIsolationTest {

    @Autowired
    TenantConfigurations configurations;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    TenantMother mother;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsTheBoundTenantsConfigurationOnly() {
        TenantDetails a = mother.aTenant();
        TenantDetails b = mother.aTenant();
        transactions.inTransactionAs(TenantId.of(b.id()), () -> {
            configurations.saveSettings(Map.of("tenant", "b"), Instant.now());
            return null;
        });

        var seenByA = transactions.inTransactionAs(TenantId.of(a.id()), configurations::find);
        var seenByB = transactions.inTransactionAs(TenantId.of(b.id()), configurations::find);

        assertThat(seenByA).get().extracting(TenantConfiguration::settings).isEqualTo(Map.of());
        assertThat(seenByB).get().extracting(TenantConfiguration::settings).isEqualTo(Map.of("tenant", "b"));
    }

    @Test
    void findsNothingForAnUnknownTenantOrWithNoTenant() {
        mother.aTenant();

        assertThat(transactions.inTransactionAs(TenantId.of(UUID.randomUUID()), configurations::find))
                .isEmpty();
        assertThat(transactions.inTransaction(configurations::find)).isEmpty();
        assertThat(transactions.inTransaction(configurations::findQuotas)).isEmpty();
    }

    @Test
    void refusesToWriteWithNoTenant() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    configurations.saveSettings(Map.of(), Instant.now());
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDatabaseRejectsAWriteWithNoTenantEvenWhenCodeForgetsToCheck() {
        TenantDetails a = mother.aTenant();

        assertThatThrownBy(() -> transactions.inTransaction(
                        () -> jdbc.sql("""
                insert into tenancy.tenant_quotas (tenant_id, created_at, updated_at) values (:id, now(), now())
                on conflict (tenant_id) do update set max_users = 1""").param("id", a.id()).update()))
                .hasStackTraceContaining("row-level security");
    }
}

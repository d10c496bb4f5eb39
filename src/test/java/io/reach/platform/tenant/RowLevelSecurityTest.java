package io.reach.platform.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.support.ReachTest;
import io.reach.support.TenantMother;
import io.reach.tenancy.TenantDetails;
import io.reach.tenancy.TenantManagement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security as seen by the application's own role, through raw SQL and through repository code. */
@ReachTest
class RowLevelSecurityTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TenantTransactions tenantTransactions;

    @Autowired
    TenantMother mother;

    @Autowired
    TenantManagement tenants;

    /**
     * Owns nothing that lasts: the temporary tables a connection makes for staged COPY
     * ({@code platform.database.StagedCopy}) are its own and go with the session.
     */
    @Test
    void theApplicationConnectsAsAnUnprivilegedRoleThatOwnsNothing() {
        Map<String, @Nullable Object> role = jdbc.queryForMap("""
                select current_user as name, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
                       (select count(*) from pg_class c where c.relowner = r.oid and c.relpersistence <> 't') as owned,
                       (select string_agg(c.relname, ', ') from pg_class c
                        where c.relowner = r.oid and c.relpersistence <> 't') as names
                from pg_roles r where rolname = current_user""");

        assertThat(role)
                .as("relations the application owns: %s", role.get("names"))
                .containsEntry("name", "reach_app")
                .containsEntry("rolsuper", false)
                .containsEntry("rolbypassrls", false)
                .containsEntry("rolcreaterole", false)
                .containsEntry("rolcreatedb", false)
                .containsEntry("owned", 0L);
    }

    @Test
    void rawSqlSeesOnlyTheBoundTenantsRows() {
        TenantDetails a = mother.aTenant();
        TenantDetails b = mother.aTenant();

        assertThat(settingsRowsVisibleTo(a.id())).containsExactly(a.id());
        assertThat(settingsRowsVisibleTo(b.id())).containsExactly(b.id());
    }

    @Test
    void withNoTenantBoundNoRowIsVisible() {
        mother.aTenant();

        Long inTransaction = transactions.execute(
                status -> jdbc.queryForObject("select count(*) from tenancy.tenant_settings", Long.class));
        Long autoCommit = jdbc.queryForObject("select count(*) from tenancy.tenant_quotas", Long.class);

        assertThat(inTransaction).isZero();
        assertThat(autoCommit).isZero();
    }

    @Test
    void withNoTenantBoundInsertsAreRejected() {
        TenantDetails a = mother.aTenant();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.update("""
                insert into platform.idempotency_keys (tenant_id, idempotency_key, request_fingerprint, state, created_at)
                values (?, 'k', 'f', 'in_progress', now())""", a.id())))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("row-level security");
    }

    @Test
    void aTenantCannotWriteRowsForAnotherTenant() {
        TenantDetails a = mother.aTenant();
        TenantDetails b = mother.aTenant();

        assertThatThrownBy(
                        () -> tenantTransactions.inTransactionAs(TenantId.of(a.id()), () -> jdbc.update("""
                insert into platform.idempotency_keys (tenant_id, idempotency_key, request_fingerprint, state, created_at)
                values (?, 'k', 'f', 'in_progress', now())""", b.id())))
                .hasStackTraceContaining("row-level security");
        Integer updated = tenantTransactions.inTransactionAs(
                TenantId.of(a.id()),
                () -> jdbc.update(
                        "update tenancy.tenant_settings set settings = '{\"hijacked\":true}' where tenant_id = ?",
                        b.id()));
        assertThat(updated).isZero();
        assertThat(tenants.get(b.id()).settings()).isEmpty();
    }

    @Test
    void theTenantSettingDoesNotOutliveItsTransaction() {
        TenantDetails a = mother.aTenant();
        tenantTransactions.inTransactionAs(
                TenantId.of(a.id()),
                () -> jdbc.queryForObject("select count(*) from tenancy.tenant_settings", Long.class));

        for (int i = 0; i < 20; i++) {
            String leftover =
                    jdbc.queryForObject("select coalesce(current_setting('app.tenant_id', true), '')", String.class);
            assertThat(leftover).isEmpty();
        }
    }

    @Test
    void joiningATransactionOfAnotherTenantIsRefused() {
        TenantDetails a = mother.aTenant();
        TenantDetails b = mother.aTenant();

        assertThatThrownBy(() -> tenantTransactions.inTransactionAs(
                        TenantId.of(a.id()),
                        () -> TenantContext.callAs(TenantId.of(b.id()), () -> transactions.execute(status -> 1))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void switchingTenantInsideATransactionOpensOneForTheOtherTenant() {
        TenantDetails a = mother.aTenant();
        TenantDetails b = mother.aTenant();

        List<UUID> seenInside = tenantTransactions.inTransactionAs(
                TenantId.of(a.id()),
                () -> tenantTransactions.inTransactionAs(
                        TenantId.of(b.id()),
                        () -> jdbc.queryForList("select tenant_id from tenancy.tenant_settings", UUID.class)));
        List<UUID> seenAfter = tenantTransactions.inTransactionAs(TenantId.of(a.id()), () -> {
            tenantTransactions.inTransactionAs(TenantId.of(b.id()), () -> 0);
            return jdbc.queryForList("select tenant_id from tenancy.tenant_settings", UUID.class);
        });

        assertThat(seenInside).containsExactly(b.id());
        assertThat(seenAfter).containsExactly(a.id());
    }

    @Test
    void aPersonSeesTheirOwnMembershipsEverywhereOnlyWhenActingForThemselves() {
        TenantDetails a = mother.aTenant();
        UUID someone = UUID.randomUUID();
        String otherMemberships = "select count(*) from identity.memberships where user_id = ?";

        Long asTenantOnly = tenantTransactions.inTransactionAs(
                TenantId.of(a.id()), () -> jdbc.queryForObject(otherMemberships, Long.class, someone));
        Long asUserInsideTenantWork = tenantTransactions
                        .inTransactionAs(
                                TenantId.of(a.id()),
                                () -> tenantTransactions.inTransactionAsUser(
                                        someone,
                                        () -> jdbc.queryForObject(
                                                "select coalesce(current_setting('app.user_id', true), '')",
                                                String.class)))
                        .equals(someone.toString())
                ? 1L
                : 0L;

        assertThat(asTenantOnly).isZero();
        assertThat(asUserInsideTenantWork)
                .as("the user is set even inside work begun without one")
                .isEqualTo(1L);
    }

    @Test
    void theSameTenantJoinsTheTransactionInProgress() {
        TenantDetails a = mother.aTenant();

        Boolean sameTransaction = tenantTransactions.inTransactionAs(TenantId.of(a.id()), () -> {
            Long outer = jdbc.queryForObject("select txid_current()", Long.class);
            Long inner = tenantTransactions.inTransactionAs(
                    TenantId.of(a.id()), () -> jdbc.queryForObject("select txid_current()", Long.class));
            return Objects.requireNonNull(outer, "a transaction has an id").equals(inner);
        });

        assertThat(sameTransaction).isTrue();
    }

    @Test
    void repositoryCodeSeesOnlyTheBoundTenantsConfiguration() {
        TenantDetails a = mother.aTenant();
        TenantDetails b = mother.aTenant();
        tenants.replaceSettings(a.id(), Map.of("owner", "a"));
        tenants.replaceSettings(b.id(), Map.of("owner", "b"));

        assertThat(tenants.get(a.id()).settings()).containsEntry("owner", "a");
        assertThat(tenants.get(b.id()).settings()).containsEntry("owner", "b");
        assertThat(tenants.quotasOf(TenantId.of(a.id()))).isNotNull();
    }

    private java.util.List<UUID> settingsRowsVisibleTo(UUID tenant) {
        return tenantTransactions.inTransactionAs(
                TenantId.of(tenant),
                () -> jdbc.queryForList("select tenant_id from tenancy.tenant_settings", UUID.class));
    }
}

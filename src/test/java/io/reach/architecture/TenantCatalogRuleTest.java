package io.reach.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every module's tables are checked here; a new table that breaks the rule fails this test by name. */
@ReachTest
class TenantCatalogRuleTest {

    private static final String PROBE = "catalog_rule_probe";

    @Autowired
    OwnerDatabase owner;

    @Test
    void everyTableOfTheMigratedSchemaFollowsTheCatalogRule() {
        List<String> violations = owner.with(jdbc -> {
            TenantCatalogRule rule = new TenantCatalogRule(jdbc);
            Set<String> schemas = new HashSet<>(rule.allSchemas());
            schemas.remove(PROBE);
            return rule.violationsIn(schemas);
        });

        assertThat(violations).isEmpty();
    }

    @Test
    void theRuleNamesEachDeliberatelyBadTable() {
        List<String> violations = owner.with(jdbc -> {
            try {
                jdbc.execute("""
                        create schema %1$s;
                        create table %1$s.good (tenant_id uuid not null, id uuid not null, code text,
                            primary key (tenant_id, id), unique (tenant_id, code));
                        select platform.isolate_tenant_rows('%1$s.good');
                        create table %1$s.no_rls (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id));
                        create table %1$s.not_forced (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id));
                        alter table %1$s.not_forced enable row level security;
                        create policy tenant_isolation on %1$s.not_forced using (tenant_id = platform.current_tenant_id());
                        create table %1$s.pk_without_tenant (tenant_id uuid not null, id uuid primary key);
                        select platform.isolate_tenant_rows('%1$s.pk_without_tenant');
                        create table %1$s.unique_without_tenant (tenant_id uuid not null, id uuid not null, code text unique,
                            primary key (tenant_id, id));
                        select platform.isolate_tenant_rows('%1$s.unique_without_tenant');
                        create table %1$s.fk_without_tenant (tenant_id uuid not null, id uuid not null, good_code text,
                            primary key (tenant_id, id),
                            constraint fk_good foreign key (tenant_id, good_code) references %1$s.good (tenant_id, code),
                            constraint fk_bad foreign key (id) references %1$s.pk_without_tenant (id));
                        select platform.isolate_tenant_rows('%1$s.fk_without_tenant');
                        create table %1$s.unmarked (id uuid primary key);
                        create table %1$s.marked (id uuid primary key);
                        comment on table %1$s.marked is 'global: a catalog';
                        """.formatted(PROBE));
                return new TenantCatalogRule(jdbc).violationsIn(Set.of(PROBE));
            } finally {
                jdbc.execute("drop schema if exists " + PROBE + " cascade");
            }
        });

        assertThat(violations)
                .containsExactlyInAnyOrder(
                        PROBE + ".fk_without_tenant: foreign key fk_bad does not match on tenant_id",
                        PROBE + ".no_rls: row-level security is not enabled",
                        PROBE + ".no_rls: row-level security is not forced",
                        PROBE + ".no_rls: no policy on tenant_id = platform.current_tenant_id()",
                        PROBE + ".not_forced: row-level security is not forced",
                        PROBE + ".pk_without_tenant: primary key " + PROBE
                                + ".pk_without_tenant_pkey does not include tenant_id",
                        PROBE + ".unique_without_tenant: unique index " + PROBE
                                + ".unique_without_tenant_code_key does not include tenant_id",
                        PROBE + ".unmarked: has no tenant_id column and is not marked global (comment 'global: ...')");
    }
}

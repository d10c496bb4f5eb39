package io.reach.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalog rule of ARCHITECTURE.md, read from pg_catalog. A table is a tenant table when it
 * has a {@code tenant_id} column and is not marked global (a table comment starting
 * {@code global:}). Every tenant table has row-level security enabled and forced with a policy
 * on {@code platform.current_tenant_id()}, and tenant_id in its primary key, in every unique
 * constraint or index, and in every foreign key to another tenant table. Every other table must
 * be marked global. Partitions must have row-level security enabled and forced.
 */
final class TenantCatalogRule {

    private static final String TABLES = """
            select c.oid, n.nspname || '.' || c.relname as name, c.relispartition as partition,
                   c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                   coalesce(obj_description(c.oid, 'pg_class'), '') like 'global:%' as global,
                   (select a.attnum from pg_attribute a
                    where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant_column
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
              and n.nspname = any (?::text[])
            order by 2""";
    private static final String POLICIES = """
            select count(*) from pg_policy
            where polrelid = ? and polcmd = '*' and polpermissive
              and pg_get_expr(polqual, polrelid) like '%tenant_id = platform.current_tenant_id()%'
              and coalesce(pg_get_expr(polwithcheck, polrelid), pg_get_expr(polqual, polrelid))
                  like '%tenant_id = platform.current_tenant_id()%'""";
    private static final String KEYS = """
            select i.indexrelid::regclass::text as name, i.indisprimary as primary_key, i.indkey::int2[] as columns
            from pg_index i where i.indrelid = ? and i.indisunique""";
    private static final String FOREIGN_KEYS = """
            select conname, confrelid, conkey, confkey from pg_constraint where conrelid = ? and contype = 'f'""";
    private static final String TENANT_COLUMN_OF = """
            select a.attnum from pg_attribute a where a.attrelid = ? and a.attname = 'tenant_id' and not a.attisdropped""";
    private static final String SCHEMAS = """
            select nspname from pg_namespace where nspname <> 'information_schema' and nspname not like 'pg\\_%'""";

    private final JdbcTemplate jdbc;

    TenantCatalogRule(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> violationsIn(Set<String> schemas) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> table : jdbc.queryForList(TABLES, (Object) schemas.toArray(String[]::new))) {
            violations.addAll(check(table));
        }
        return violations;
    }

    Set<String> allSchemas() {
        return jdbc.queryForList(SCHEMAS, String.class).stream().collect(Collectors.toSet());
    }

    private List<String> check(Map<String, Object> table) {
        String name = (String) table.get("name");
        long oid = ((Number) table.get("oid")).longValue();
        Number tenantColumn = (Number) table.get("tenant_column");
        boolean global = (Boolean) table.get("global");
        List<String> problems = new ArrayList<>();
        if ((Boolean) table.get("partition")) {
            if (tenantColumn != null && !global && !((Boolean) table.get("rls") && (Boolean) table.get("forced"))) {
                problems.add(name + ": partition without enabled and forced row-level security");
            }
            return problems;
        }
        if (global) {
            return problems;
        }
        if (tenantColumn == null) {
            problems.add(name + ": has no tenant_id column and is not marked global (comment 'global: ...')");
            return problems;
        }
        if (!(Boolean) table.get("rls")) {
            problems.add(name + ": row-level security is not enabled");
        }
        if (!(Boolean) table.get("forced")) {
            problems.add(name + ": row-level security is not forced");
        }
        if (jdbc.queryForObject(POLICIES, Long.class, oid) == 0) {
            problems.add(name + ": no policy on tenant_id = platform.current_tenant_id()");
        }
        problems.addAll(keyProblems(name, oid, tenantColumn.intValue()));
        problems.addAll(foreignKeyProblems(name, oid, tenantColumn.intValue()));
        return problems;
    }

    private List<String> keyProblems(String table, long oid, int tenantColumn) {
        List<String> problems = new ArrayList<>();
        boolean hasPrimaryKey = false;
        for (Map<String, Object> key : jdbc.queryForList(KEYS, oid)) {
            boolean primary = (Boolean) key.get("primary_key");
            hasPrimaryKey |= primary;
            if (!contains(key.get("columns"), tenantColumn)) {
                problems.add(table + ": " + (primary ? "primary key " : "unique index ") + key.get("name")
                        + " does not include tenant_id");
            }
        }
        if (!hasPrimaryKey) {
            problems.add(table + ": has no primary key");
        }
        return problems;
    }

    private List<String> foreignKeyProblems(String table, long oid, int tenantColumn) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> fk : jdbc.queryForList(FOREIGN_KEYS, oid)) {
            long target = ((Number) fk.get("confrelid")).longValue();
            List<Integer> targetTenant = jdbc.queryForList(TENANT_COLUMN_OF, Integer.class, target);
            boolean targetIsTenantTable = !targetTenant.isEmpty() && !isGlobal(target);
            if (targetIsTenantTable
                    && !pairsTenantColumns(
                            fk.get("conkey"), fk.get("confkey"), tenantColumn, targetTenant.getFirst())) {
                problems.add(table + ": foreign key " + fk.get("conname") + " does not match on tenant_id");
            }
        }
        return problems;
    }

    private boolean isGlobal(long oid) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select coalesce(obj_description(?::oid, 'pg_class'), '') like 'global:%'", Boolean.class, oid));
    }

    private static boolean pairsTenantColumns(Object from, Object to, int fromTenant, int toTenant) {
        short[] fromColumns = shorts(from);
        short[] toColumns = shorts(to);
        for (int i = 0; i < fromColumns.length; i++) {
            if (fromColumns[i] == fromTenant && toColumns[i] == toTenant) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Object columns, int column) {
        for (short c : shorts(columns)) {
            if (c == column) {
                return true;
            }
        }
        return false;
    }

    private static short[] shorts(Object sqlArray) {
        try {
            Object array = ((java.sql.Array) sqlArray).getArray();
            if (array instanceof Short[] boxed) {
                short[] result = new short[boxed.length];
                for (int i = 0; i < boxed.length; i++) {
                    result[i] = boxed[i];
                }
                return result;
            }
            return (short[]) array;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

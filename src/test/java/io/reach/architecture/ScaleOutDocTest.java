package io.reach.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** docs/scale-out.md places every table: tenant tables distributed by tenant_id, global ones reference or local. */
@ReachTest
class ScaleOutDocTest {

    private static final Pattern DISTRIBUTED = Pattern.compile("create_distributed_table\\('([a-z_.]+)', 'tenant_id'");
    private static final Pattern GLOBAL = Pattern.compile("(?:create_reference_table\\('|-- local: )([a-z_.]+)");

    @Autowired
    OwnerDatabase owner;

    @Test
    void everyTableIsPlacedAccordingToItsKind() throws IOException {
        String doc = Files.readString(Path.of("docs/scale-out.md"));
        Set<String> distributed = matches(DISTRIBUTED, doc);
        Set<String> global = matches(GLOBAL, doc);
        List<String> tenantTables = owner.with(jdbc -> jdbc.queryForList(TABLES + " and not global", String.class));
        List<String> globalTables = owner.with(jdbc -> jdbc.queryForList(TABLES + " and global", String.class));

        assertThat(distributed).containsExactlyInAnyOrderElementsOf(tenantTables);
        assertThat(global).containsExactlyInAnyOrderElementsOf(globalTables);
    }

    private static final String TABLES = """
            select name from (
                select n.nspname || '.' || c.relname as name,
                       coalesce(obj_description(c.oid, 'pg_class'), '') like 'global:%' as global
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p') and not c.relispartition
                  and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
                  and n.nspname <> 'catalog_rule_probe') t
            where true""";

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new HashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}

package io.reach.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.reach.platform.CheckSet;
import io.reach.support.ReachTest;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every small closed set the database checks ({@code CHECK (column in (...))}) is mirrored by a Java
 * enum marked {@link CheckSet} whose codes are exactly the set, as ARCHITECTURE.md asks ("Small closed
 * sets: text with a CHECK constraint, mirrored by a Java enum").
 */
@ReachTest
class CheckSetCatalogTest {

    /** {@code CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))}: an {@code in} list as PostgreSQL prints it. */
    private static final Pattern IN_LIST = Pattern.compile(
            "^CHECK \\(\\(\\(?(\\w+)\\)?(?:::text)? = ANY \\(\\(?ARRAY\\[(.*)\\]\\)?(?:::text\\[\\])?\\)\\)\\)$");

    private static final Pattern CODE = Pattern.compile("'([^']*)'");

    private static final String CHECKS = """
            select n.nspname || '.' || t.relname as tbl, pg_get_constraintdef(c.oid) as def
            from pg_constraint c
            join pg_class t on t.oid = c.conrelid
            join pg_namespace n on n.oid = t.relnamespace
            where c.contype = 'c' and cardinality(c.conkey) = 1 and not t.relispartition
              and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_%'""";

    /**
     * Sets not mirrored yet (issue 15, point 2, left for later): this list only shrinks. A set that gets
     * its enum, or leaves the schema, must leave the list too.
     */
    private static final Set<String> NOT_YET_MIRRORED = Set.of();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyCheckedSetHasAnEnumWithExactlyItsCodes() {
        Map<String, Set<String>> database = checkedSets();
        Map<String, Set<String>> java = mirroringEnums();

        Map<String, Set<String>> unmirrored = new TreeMap<>();
        Map<String, String> different = new TreeMap<>();
        database.forEach((column, codes) -> {
            Set<String> mirrored = java.get(column);
            if (mirrored == null) {
                if (!NOT_YET_MIRRORED.contains(column)) {
                    unmirrored.put(column, codes);
                }
            } else if (!mirrored.equals(codes)) {
                different.put(column, "database " + codes + ", enum " + mirrored);
            }
        });

        assertThat(unmirrored).as("CHECK sets without a @CheckSet enum").isEmpty();
        assertThat(different).as("CHECK sets whose enum has other codes").isEmpty();
        assertThat(java.keySet())
                .as("@CheckSet enums naming a column without such a CHECK")
                .isSubsetOf(database.keySet());
        assertThat(NOT_YET_MIRRORED)
                .as("sets listed as not mirrored yet that now have an enum or are gone")
                .allMatch(column -> database.containsKey(column) && !java.containsKey(column));
    }

    @Test
    void theCatalogReadsTheSetsOfKnownStates() {
        assertThat(checkedSets())
                .containsEntry(
                        "campaigns.campaigns.status", Set.of("draft", "active", "paused", "completed", "archived"));
    }

    private Map<String, Set<String>> checkedSets() {
        Map<String, Set<String>> sets = new TreeMap<>();
        jdbc.query(CHECKS, rs -> {
            Matcher in = IN_LIST.matcher(rs.getString("def"));
            if (in.matches()) {
                Set<String> codes = new TreeSet<>();
                Matcher code = CODE.matcher(in.group(2));
                while (code.find()) {
                    codes.add(code.group(1));
                }
                sets.put(rs.getString("tbl") + "." + in.group(1), codes);
            }
        });
        return sets;
    }

    private static Map<String, Set<String>> mirroringEnums() {
        Map<String, Set<String>> sets = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.reach")) {
            if (!type.isAnnotatedWith(CheckSet.class) && !type.isAnnotatedWith(CheckSet.List.class)) {
                continue;
            }
            Class<?> enumType = type.reflect();
            assertThat(enumType.isEnum()).as("%s is an enum", enumType).isTrue();
            Set<String> codes = Arrays.stream(enumType.getEnumConstants())
                    .map(CheckSetCatalogTest::code)
                    .collect(Collectors.toCollection(TreeSet::new));
            for (CheckSet set : enumType.getAnnotationsByType(CheckSet.class)) {
                sets.put(set.table() + "." + set.column(), codes);
            }
        }
        return sets;
    }

    /** The wire code: the {@code @JsonValue} method, else {@code code()}, else the lower-case name. */
    private static String code(Object constant) {
        Enum<?> value = (Enum<?>) constant;
        Method method = Arrays.stream(value.getDeclaringClass().getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 0 && m.getReturnType() == String.class)
                .filter(m ->
                        m.isAnnotationPresent(JsonValue.class) || m.getName().equals("code"))
                .findFirst()
                .orElse(null);
        if (method == null) {
            return value.name().toLowerCase(Locale.ROOT);
        }
        try {
            method.setAccessible(true);
            return (String) method.invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

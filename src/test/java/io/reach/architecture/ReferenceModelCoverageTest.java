package io.reach.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.ReachTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every column docs/reference-model-coverage.csv maps must exist in the migrated database. */
@ReachTest
class ReferenceModelCoverageTest {

    private static final Path CSV = Path.of("docs/reference-model-coverage.csv");
    private static final String HEADER = "source_file,source_table,source_column,reach_table,reach_column,note";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyMappedColumnExists() throws IOException {
        List<String> lines = Files.readAllLines(CSV);
        assertThat(lines.getFirst()).isEqualTo(HEADER);
        Set<String> columns = jdbc.queryForList("""
                select table_schema || '.' || table_name || '.' || column_name from information_schema.columns
                where table_schema not in ('pg_catalog', 'information_schema')""", String.class).stream().collect(Collectors.toSet());

        List<String> missing = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            assertThat(fields.length).as("fields in %s", line).isGreaterThanOrEqualTo(6);
            if (!fields[3].isBlank() && !columns.contains(fields[3] + "." + fields[4])) {
                missing.add(line);
            }
        }

        assertThat(missing).isEmpty();
        assertThat(lines).hasSizeGreaterThan(1);
    }
}

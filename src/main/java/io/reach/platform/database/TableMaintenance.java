package io.reach.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Vacuums and analyses a table right after a bulk write (an import of a hundred thousand rows), so
 * the write is ready to be read fast when the job says done: the new rows' hint bits and
 * visibility are set, GIN pending lists are merged and the planner's statistics know the new
 * values. Autovacuum would get there later, while the first readers pay for it. VACUUM skips the
 * pages the visibility map already marks, so the cost follows the rows written, not the table.
 * The runtime role needs {@code MAINTAIN} on the table (granted by the module's migration).
 */
@Component
public class TableMaintenance {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+\\.[a-z_]+");
    private static final Logger log = LoggerFactory.getLogger(TableMaintenance.class);

    private final DataSource dataSource;

    TableMaintenance(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * {@code VACUUM (ANALYZE)} of a {@code schema.table} named in code, outside any transaction. Upkeep
     * is best effort: a failure is logged and answered false, the write it follows stands.
     */
    public boolean vacuumAnalyze(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a schema.table name: " + table);
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum (analyze) " + table);
        } catch (SQLException e) {
            log.warn("Could not vacuum {}; autovacuum will", table, e);
            return false;
        }
        log.info("Vacuumed and analysed {} in {} ms", table, (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}

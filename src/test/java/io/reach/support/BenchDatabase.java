package io.reach.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * The database side of a benchmark. From {@code pg_stat_statements} (which the embedded server
 * loads): {@link #reset} before the measured part, {@link #print} after it lists the statements
 * that took the most execution time, with calls, rows and time per call (read as the owner role,
 * which may see every role's statements). {@link #awaitQuiet} cleans up and waits out autovacuum before a round, so a
 * round does not share the machine with the clean-up of the round before it.
 */
public final class BenchDatabase {

    private final Environment environment;

    public BenchDatabase(Environment environment) {
        this.environment = environment;
    }

    public void reset() throws SQLException {
        try (Connection connection = owner();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /** Prints the {@code top} statements by total execution time, each line prefixed with {@code prefix}. */
    public void print(String prefix, int top) throws SQLException {
        try (Connection connection = owner();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select calls, rows, total_exec_time, total_exec_time / greatest(calls, 1) as per_call,
                               100 * total_exec_time / greatest(sum(total_exec_time) over (), 1) as share,
                               wal_records / greatest(calls, 1) as wal_per_call,
                               (shared_blks_hit + shared_blks_read) / greatest(calls, 1) as blocks_per_call,
                               regexp_replace(query, '\\s+', ' ', 'g') as query
                        from pg_stat_statements where query not like '%%pg_stat_statements%%'
                        order by total_exec_time desc
                        """ + " limit " + top)) {
            while (rows.next()) {
                String query = rows.getString("query");
                System.out.printf(
                        Locale.ROOT,
                        "%s: %5.1f %% %10.1f ms %8d calls %10d rows %8.3f ms/call %7d WAL records/call %7d"
                                + " blocks/call  %s%n",
                        prefix,
                        rows.getDouble("share"),
                        rows.getDouble("total_exec_time"),
                        rows.getLong("calls"),
                        rows.getLong("rows"),
                        rows.getDouble("per_call"),
                        rows.getLong("wal_per_call"),
                        rows.getLong("blocks_per_call"),
                        query.length() > 160 ? query.substring(0, 160) + "…" : query);
            }
        }
    }

    /**
     * Prints how many row updates {@code table} has had since the server started and how many of them were
     * heap-only (HOT: the new version on the same page, no index entry written).
     */
    public void printUpdates(String prefix, String table) throws SQLException {
        try (Connection connection = owner();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relid = to_regclass('"
                                + table.replace("'", "''") + "')")) {
            while (rows.next()) {
                System.out.printf(
                        Locale.ROOT,
                        "%s: %d updates of %s, %d of them heap-only%n",
                        prefix,
                        rows.getLong(1),
                        table,
                        rows.getLong(2));
            }
        }
    }

    /**
     * Vacuums and analyzes {@code tables} (what the last round left to clean up, which autovacuum would
     * otherwise do during the next one) and writes out the dirty buffers (else the next phase pays for writing
     * the last one's pages to make room for its own), then waits (up to a minute) until no autovacuum worker is running.
     */
    public void awaitQuiet(String... tables) throws SQLException, InterruptedException {
        try (Connection connection = owner();
                Statement statement = connection.createStatement()) {
            if (tables.length > 0) {
                statement.execute("vacuum (analyze) " + String.join(", ", tables));
            }
            // every phase starts with the buffers written out, as the first one would
            statement.execute("checkpoint");
            for (int i = 0; i < 600; i++) {
                try (ResultSet rows = statement.executeQuery(
                        "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
                    rows.next();
                    if (rows.getInt(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(
                environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"));
    }
}

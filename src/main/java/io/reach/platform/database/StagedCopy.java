package io.reach.platform.database;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * {@code COPY} into a table under row-level security, which PostgreSQL refuses to copy into: the
 * rows go by {@code COPY} into a temporary table shaped like the target (kept per connection,
 * emptied at commit), then by one {@code INSERT … SELECT} into the target, where the tenant policy
 * checks them. Must run inside the caller's transaction.
 */
@Component
public class StagedCopy {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    StagedCopy(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Copies CSV rows of {@code columns} into {@code table} ({@code schema.name}); returns the rows inserted. */
    public int copy(String table, String columns, CsvRows rows) {
        String staging = stage(table, columns, rows);
        return jdbc.sql("insert into " + table + " (" + columns + ") select " + columns + " from " + staging)
                .update();
    }

    /**
     * Copies CSV rows of {@code columns} into the staging table of {@code table} only, for a caller that moves
     * them on with a statement of its own; returns the staging table's name ({@link #staging}).
     */
    public String stage(String table, String columns, CsvRows rows) {
        String staging = staging(table);
        jdbc.sql("create temp table if not exists " + staging.substring("pg_temp.".length()) + " (like " + table
                        + " including defaults) on commit delete rows")
                .update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + staging + " (" + columns + ") from stdin (format csv)", rows.stream());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
        return staging;
    }

    /** The staging table of {@code table} ({@code schema.name}): {@code pg_temp.staging_schema_name}. */
    public static String staging(String table) {
        return "pg_temp.staging_" + table.replace('.', '_');
    }
}

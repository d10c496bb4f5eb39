package io.reach.platform.database;

import java.io.ByteArrayInputStream;
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
    public int copy(String table, String columns, byte[] csvRows) {
        String staging = "staging_" + table.replace('.', '_');
        jdbc.sql("create temp table if not exists " + staging + " (like " + table
                        + " including defaults) on commit delete rows")
                .update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy pg_temp." + staging + " (" + columns + ") from stdin (format csv)",
                            new ByteArrayInputStream(csvRows));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
        return jdbc.sql("insert into " + table + " (" + columns + ") select " + columns + " from pg_temp." + staging)
                .update();
    }
}

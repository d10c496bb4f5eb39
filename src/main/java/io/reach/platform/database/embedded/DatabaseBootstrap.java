package io.reach.platform.database.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * Makes, as the superuser, what Reach expects of its database: the owner role that runs the
 * migrations, the runtime role {@code reach_app} (no superuser, no BYPASSRLS, owns nothing)
 * and the {@code reach} database, with {@code pg_stat_statements} in it (the owner reads it and may ask for a checkpoint). Runs on every
 * start; each step is idempotent.
 */
final class DatabaseBootstrap {

    private final String superuserUrl;
    private final String reachUrl;
    private final Credentials credentials;

    DatabaseBootstrap(String superuserUrl, String reachUrl, Credentials credentials) {
        this.superuserUrl = superuserUrl;
        this.reachUrl = reachUrl;
        this.credentials = credentials;
    }

    void ensureRolesAndDatabase() {
        try (Connection connection =
                DriverManager.getConnection(superuserUrl, Credentials.SUPERUSER, credentials.superuserPassword())) {
            ensureRole(connection, Credentials.OWNER, credentials.ownerPassword(), "");
            ensureRole(connection, Credentials.APP, credentials.appPassword(), " NOCREATEDB NOCREATEROLE NOBYPASSRLS");
            if (!exists(connection, "select 1 from pg_database where datname = ?", Credentials.DATABASE)) {
                execute(
                        connection,
                        "create database " + Credentials.DATABASE + " owner " + Credentials.OWNER
                                + " encoding 'UTF8' template template0");
            }
            execute(connection, "revoke all on database " + Credentials.DATABASE + " from public");
            execute(
                    connection,
                    "grant connect, temporary on database " + Credentials.DATABASE + " to " + Credentials.APP);
            execute(connection, "grant pg_read_all_stats, pg_checkpoint to " + Credentials.OWNER);
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("Could not prepare the roles and database of the embedded server", e);
        }
        try (Connection connection =
                DriverManager.getConnection(reachUrl, Credentials.SUPERUSER, credentials.superuserPassword())) {
            execute(connection, "create extension if not exists pg_stat_statements with schema public");
            execute(connection, "grant execute on function pg_stat_statements_reset to " + Credentials.OWNER);
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("Could not add pg_stat_statements to the embedded database", e);
        }
    }

    /** The password goes over as a SCRAM verifier made on this side, never as SQL text. */
    private static void ensureRole(Connection connection, String role, String password, String options)
            throws SQLException {
        String verb = exists(connection, "select 1 from pg_roles where rolname = ?", role) ? "alter" : "create";
        execute(connection, verb + " role " + role + " login nosuperuser" + options);
        connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

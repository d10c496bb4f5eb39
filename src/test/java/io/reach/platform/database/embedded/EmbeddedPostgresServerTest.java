package io.reach.platform.database.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A persistent server as {@code ./mvnw spring-boot:run} uses it, in its own directory: data
 * survives a stop and a crash, and a stop leaves no postgres behind.
 */
class EmbeddedPostgresServerTest {

    private Path directory;
    /** Started by each test; stopped after it. */
    private @Nullable EmbeddedPostgresServer server;

    @BeforeEach
    void makeDirectory() throws IOException {
        directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "reach-server-test");
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void cleanUp() {
        if (server != null) {
            server.stop();
        }
        FileTrees.deleteRecursively(directory);
    }

    @Test
    void dataSurvivesAStopAndAStart() throws SQLException {
        server = start();
        execute("create table kept (value text); insert into kept values ('before restart')");
        long pid = postmasterPid();
        server.stop();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(server.isRunning()).isFalse();

        server = start();
        assertThat(query("select value from kept")).isEqualTo("before restart");
    }

    @Test
    void aServerLeftBehindByACrashIsRecoveredOnTheNextStart() throws SQLException {
        server = start();
        execute("create table kept (value text); insert into kept values ('before crash')");
        ProcessHandle.of(postmasterPid()).orElseThrow().destroyForcibly();
        waitUntilGone(postmasterPid());

        server = start();

        assertThat(query("select value from kept")).isEqualTo("before crash");
    }

    @Test
    void listensOnLoopbackOnlyAndMakesTheApplicationRoles() throws SQLException {
        server = start();

        assertThat(query("show listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(query("select string_agg(rolname, ',' order by rolname) from pg_roles where rolname like 'reach%'"))
                .isEqualTo("reach_app,reach_owner");
        assertThat(query("select rolbypassrls or rolsuper from pg_roles where rolname = 'reach_app'"))
                .isEqualTo("f");
    }

    private EmbeddedPostgresServer start() {
        return EmbeddedPostgresServer.start(
                new EmbeddedPostgresSettings(directory, false, 0, "nobody"),
                LogFactory.getLog(EmbeddedPostgresServerTest.class));
    }

    private EmbeddedPostgresServer running() {
        return Objects.requireNonNull(server, "the test starts the server first");
    }

    private long postmasterPid() {
        return PostmasterPid.read(running().dataDirectory()).orElseThrow();
    }

    private static void waitUntilGone(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = ownerConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = ownerConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Connection ownerConnection() throws SQLException {
        Map<String, Object> properties = running().connectionProperties();
        return DriverManager.getConnection(
                (String) properties.get("spring.flyway.url"), (String) properties.get("spring.flyway.user"), (String)
                        properties.get("spring.flyway.password"));
    }
}

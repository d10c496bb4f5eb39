package io.reach.measurement.ingest;

import io.reach.platform.tenant.TenantId;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.BatchSender;
import io.reach.support.ReachTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Ingestion throughput: events per second through {@code POST /api/v1/ingest/trackers} (batches
 * of 1,000, several concurrent clients) against the same round's raw {@code COPY} of equivalent rows
 * into the same partitioned table, in one transaction (through a temporary table, since
 * PostgreSQL refuses {@code COPY FROM} into a table with row-level security). The clients' requests
 * are made before the clock starts, as they would be by separate machines, and sent by the
 * lightest client possible ({@link BatchSender}: the clients share the two cores with the server
 * they measure, which separate machines would not); the HTTP path is warmed
 * up first with {@code bench.warmup} events (400,000: with 200,000 the first round still paid for compiling) so the JIT has compiled it, as in a running
 * server (the baseline runs inside PostgreSQL and needs no warm-up). Rounds of baseline then HTTP
 * ({@code bench.rounds}, 3) are reported with their medians, the baseline alone varying by a
 * third from run to run on this machine. Not part of
 * {@code ./mvnw verify}; run with bench/ingestion/run.
 */
@ReachTest
// the shipped interval between looks at the geolocation file: the tests' 0s (so a test can put a database in
// place) would measure a file-system call per event that no installation makes
@org.springframework.test.context.TestPropertySource(
        properties = {"reach.measurement.geoip.recheck=1m", "reach.embedded-postgres.statement-stats=true"})
class IngestionBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int WARMUP = Integer.getInteger("bench.warmup", 400_000);
    /** At most three: the rounds' phases write into the six days before today, inside the accepted window. */
    static final int ROUNDS = Math.min(3, Integer.getInteger("bench.rounds", 3));
    /** A raw COPY into the tracker table does tens of thousands of events a second here when the machine is idle. */
    static final double PLAUSIBLE_RAW = 5_000;

    /** What a round writes to, cleaned up before each phase so neither phase pays for the other's leftovers. */
    static final String[] TABLES = {
        "measurement.trackers", "measurement.session_batches", "measurement.sessions", "measurement.rollup_dirty"
    };

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
        String key = accounts.ingestKey(ada, "bench");
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        throughHttp(key, at, WARMUP, 100_000_000); // warm-up
        sessionizer.drain(TenantId.of(ada.tenantId()));

        io.reach.support.BenchDatabase statements = new io.reach.support.BenchDatabase(environment);
        statements.reset();
        List<Double> raws = new ArrayList<>();
        List<Double> https = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            statements.awaitQuiet(TABLES);
            // each phase writes into a day partition of its own, so no phase inserts into indexes the others grew
            Phase rawPhase = rawCopy(ada.tenantId(), at.minus(2L * round - 1, ChronoUnit.DAYS), round);
            double raw = rawPhase.perSecond();
            io.reach.support.BenchRounds.requirePlausible("raw COPY", round, raw, PLAUSIBLE_RAW);
            statements.awaitQuiet(TABLES);
            Phase httpPhase = throughHttp(key, at.minus(2L * round, ChronoUnit.DAYS), EVENTS, round * 1_000_000);
            double http = httpPhase.perSecond();
            io.reach.support.CpuSplit drainStart = io.reach.support.CpuSplit.now();
            sessionizer.drain(TenantId.of(ada.tenantId()));
            io.reach.support.CpuSplit drain = io.reach.support.CpuSplit.since(drainStart);
            raws.add(raw);
            https.add(http);
            ratios.add(http / raw);
            System.out.printf(
                    "ingest_round_%d: raw %.1f events/s, http %.1f events/s, ratio %.3f%n",
                    round, raw, http, http / raw);
            System.out.printf(
                    "ingest_round_%d_cpu: raw COPY %s; http %s; sessions left to fold after it %s%n",
                    round,
                    rawPhase.cpu().per(EVENTS, "event"),
                    httpPhase.cpu().per(EVENTS, "event"),
                    drain.per(EVENTS, "event"));
        }
        System.out.printf("ingest_raw_copy_events: %.1f events/s (median of %d rounds)%n", median(raws), ROUNDS);
        System.out.printf(
                "ingest_http_events: %.1f events/s (median; %d clients, batches of %d)%n",
                median(https), CLIENTS, BATCH);
        System.out.printf("ingest_ratio: %.3f (median of the rounds' ratios)%n", median(ratios));
        System.out.println("ingest_ratio_spread: " + io.reach.support.BenchRounds.spread(ratios));
        statements.print("ingest_statement", 20);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** A phase's rate, and the CPU time it took on each side. */
    record Phase(double perSecond, io.reach.support.CpuSplit cpu) {}

    private Phase throughHttp(String key, Instant at, int events, int firstId) throws Exception {
        Queue<byte[]> requests = new ConcurrentLinkedQueue<>();
        for (int b = 0; b < events / BATCH; b++) {
            requests.add(BatchSender.request("/api/v1/ingest/trackers", key, batch(firstId + b * BATCH, at)));
        }
        int port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(() -> {
                int stored = 0;
                try (BatchSender sender = new BatchSender(port)) {
                    for (byte[] request = requests.poll(); request != null; request = requests.poll()) {
                        stored += sendUntilTaken(sender, request);
                    }
                }
                return stored;
            });
        }
        long start = System.nanoTime();
        io.reach.support.CpuSplit cpu = io.reach.support.CpuSplit.now();
        int stored = 0;
        try (var pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (Future<Integer> done : pool.invokeAll(clients)) {
                stored += done.get();
            }
        }
        return new Phase(stored / ((System.nanoTime() - start) / 1e9), io.reach.support.CpuSplit.since(cpu));
    }

    private static int sendUntilTaken(BatchSender sender, byte[] request) throws Exception {
        while (true) {
            BatchSender.Answer answer = sender.send(request);
            if (answer.status() == 202) {
                return answer.stored();
            }
            if (answer.status() != 503) {
                throw new IllegalStateException(answer.status() + ": " + answer.body());
            }
            Thread.sleep(50);
        }
    }

    private Phase rawCopy(UUID tenant, Instant at, int round) throws Exception {
        List<TrackerEvent> events =
                IntStream.range(0, EVENTS).mapToObj(i -> event(round, i, at)).toList();
        io.reach.platform.database.CsvRows csv =
                TrackerCsv.rows(TenantId.of(tenant), tenant, events, Instant.now()); // timing only: no real site
        try (Connection connection = DriverManager.getConnection(
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"))) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("set local app.tenant_id = '" + tenant + "'");
            long start = System.nanoTime();
            io.reach.support.CpuSplit cpu = io.reach.support.CpuSplit.now();
            connection
                    .createStatement()
                    .execute("create temp table raw_staging (like measurement.trackers) on commit drop");
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy raw_staging (" + TrackerStore.COLUMNS + ") from stdin (format csv)", csv.stream());
            connection
                    .createStatement()
                    .execute("insert into measurement.trackers (" + TrackerStore.COLUMNS + ") select "
                            + TrackerStore.COLUMNS + " from raw_staging");
            connection.commit();
            return new Phase(EVENTS / ((System.nanoTime() - start) / 1e9), io.reach.support.CpuSplit.since(cpu));
        }
    }

    private static TrackerEvent event(int round, int i, Instant at) {
        return new TrackerEvent(
                UUID.randomUUID(),
                "raw-" + round + "-" + i,
                "s" + (i % 5000),
                null,
                "page_view",
                "content",
                null,
                null,
                "/page/" + (i % 200),
                "https://search.example/",
                AGENT,
                "203.0.113.0",
                "Desktop",
                "Chrome",
                "Windows NT",
                "1920x1080",
                BigDecimal.ONE,
                "{}",
                false,
                at.plusMillis(i % 3_600_000),
                null,
                null,
                Geolocation.Place.UNKNOWN);
    }

    private static String batch(int first, Instant at) {
        return IntStream.range(first, first + BATCH)
                .mapToObj(i -> """
                {"event_id": "e%d", "event_type": "page_view", "event_category": "content", "page_url": "/page/%d",
                 "referrer_url": "https://search.example/", "session_id": "s%d", "user_agent": "%s",
                 "ip_address": "203.0.113.9", "screen_resolution": "1920x1080", "event_value": 1, "created_at": "%s"}""".formatted(i, i % 200, i % 5000, AGENT, at.plusMillis(i % 3_600_000))
                        .replace("\n", ""))
                .collect(Collectors.joining(",", "[", "]"));
    }
}

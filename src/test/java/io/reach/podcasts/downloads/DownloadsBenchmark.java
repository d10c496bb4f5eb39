package io.reach.podcasts.downloads;

import io.reach.platform.tenant.TenantId;
import io.reach.podcasts.counting.DownloadCounting;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.BatchSender;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Download measurement at scale, each figure beside a baseline measured in the same round:
 * <ol>
 *   <li>download-log ingestion through {@code POST /api/v1/ingest/downloads} (NDJSON batches of
 *       {@code bench.batch} lines, {@code bench.clients} clients, made before the clock starts) against a raw
 *       {@code COPY} of the same number of finished rows into the same table (through a temporary table, as row
 *       security requires); goal: ratio ≥ 0.5;</li>
 *   <li>IAB counting of {@code bench.requests} requests (10,000,000: 30 days, 50 episodes, three requests per
 *       listener — a two-byte probe, a first range, the rest — and one listener in twenty a bot), goal ≤ 60 s,
 *       against reading the same rows in counting order ({@code COPY (select … order by …) TO STDOUT});</li>
 *   <li>the episode and podcast download reports (30 days) at that volume, p95 goal &lt; 50 ms, against the
 *       podcast's catalog read ({@code GET /api/v1/podcasts/{id}}).</li>
 * </ol>
 * Every round is printed (min/median/max follow). Not part of {@code ./mvnw verify}; run with bench/podcast-downloads/run.
 */
@ReachTest
class DownloadsBenchmark {

    static final int LINES = Integer.getInteger("bench.lines", 200_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int BATCH = Integer.getInteger("bench.batch", 5_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int WARMUP = Integer.getInteger("bench.warmup", 200_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 10_000_000);
    static final int DAYS = 30;
    static final int EPISODES = 50;
    static final String[] AGENTS = {
        "AppleCoreMedia/1.0.0.21A329 (iPhone; U; CPU OS 17_0 like Mac OS X; en_us)",
        "Spotify/8.8.96 iOS/17.1 (iPhone15,3)",
        "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)",
        "PocketCasts/1.0 (Pocket Casts - Android; Android 14)",
        "Podcasts/1.1.0 CFNetwork/1474 Darwin/23.0.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "AntennaPod/3.2.0",
        "Castro 2024.1/1234 CFNetwork/1494.0.7 Darwin/23.4.0",
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
        "Googlebot/2.1 (+http://www.google.com/bot.html)"
    };

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    Environment environment;

    @Autowired
    DownloadCounting counting;

    @Test
    void downloadMeasurementAtScale() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        String key = accounts.ingestKey(ada, "bench");
        List<DownloadMeasurementTest.Measured> episodes = new ArrayList<>();
        DownloadMeasurementTest.Measured first =
                DownloadMeasurementTest.measuredEpisode(api, owner, ada, "https://cdn.example.com/bench/0.mp3");
        episodes.add(first);
        for (int e = 1; e < EPISODES; e++) {
            var made = api.post(
                            "/api/v1/podcasts/" + first.podcast() + "/episodes", ada.accessToken(), """
                    {"title": "Episode %d", "audio_url": "https://cdn.example.com/bench/%d.mp3", "file_bytes": 40000000,
                     "duration_seconds": 2500}""".formatted(e, e))
                    .json();
            episodes.add(new DownloadMeasurementTest.Measured(
                    first.podcast(), made.at("/episode/id").asString()));
        }
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            jdbc.update("update podcasts.episodes set threshold_bytes = 1000000, id3_bytes = 1000, bitrate = 128");
        });
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS + 40);

        // 1. Ingestion: warm-up, then rounds of raw COPY and HTTP.
        throughHttp(key, start.minusDays(1), WARMUP, 0);
        List<double[]> ingestion = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            double raw = rawCopy(ada.tenantId(), first, start.minusDays(2), round);
            double http = throughHttp(key, start.minusDays(1), LINES, round);
            ingestion.add(new double[] {raw, http, http / raw});
            report(
                    "downloads_ingest_round_%d: raw COPY %.0f rows/s, API %.0f lines/s, ratio %.3f%n",
                    round, raw, http, http / raw);
        }
        spread("downloads_ingest_ratio", ingestion, 2, "%.3f");

        // 2. Counting 10 million requests.
        long made = generate(ada.tenantId(), episodes, start);
        report("downloads_generated: %d requests over %d days, %d episodes%n", made, DAYS, EPISODES);
        TenantId tenant = TenantId.of(ada.tenantId());
        List<double[]> counts = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            double read = orderedRead(ada.tenantId(), start);
            long begin = System.nanoTime();
            DownloadCounting.Counted counted = counting.count(tenant, start, start.plusDays(DAYS - 1), day -> {});
            double seconds = (System.nanoTime() - begin) / 1e9;
            counts.add(new double[] {read, seconds, seconds / read});
            report(
                    "downloads_count_round_%d: %d requests counted in %.1f s (%d downloads); reading them in "
                            + "counting order alone %.1f s; ratio %.2f%n",
                    round, counted.requests(), seconds, counted.downloads(), read, seconds / read);
        }
        spread("downloads_count_seconds", counts, 1, "%.1f");

        // 3. Reports at that volume.
        String from = start.toString();
        String to = start.plusDays(DAYS - 1).toString();
        for (int round = 1; round <= ROUNDS; round++) {
            double catalog = p95(ada.accessToken(), "/api/v1/podcasts/" + first.podcast());
            double podcast = p95(
                    ada.accessToken(), "/api/v1/podcasts/" + first.podcast() + "/downloads?from=" + from + "&to=" + to);
            double episode = p95(
                    ada.accessToken(), "/api/v1/episodes/" + first.episode() + "/downloads?from=" + from + "&to=" + to);
            report(
                    "downloads_report_round_%d: episode report p95 %.1f ms, podcast report p95 %.1f ms, "
                            + "catalog read p95 %.1f ms%n",
                    round, episode, podcast, catalog);
        }
    }

    /** Prints a figure and appends it to {@code target/downloads-bench.log}, so a long run can be followed. */
    private static void report(String format, Object... values) {
        String text = String.format(format, values);
        System.out.print(text);
        try {
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of("target/downloads-bench.log"),
                    text,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private double p95(String token, String path) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            long begin = System.nanoTime();
            var answer = api.get(path, token);
            if (answer.status() != 200) {
                throw new IllegalStateException(answer.status() + " " + answer.body());
            }
            double millis = (System.nanoTime() - begin) / 1e6;
            if (i == 0) {
                report("downloads_first_call: %s %.1f ms%n", path.replaceAll("\\?.*", ""), millis);
            }
            if (i >= 20) {
                times.add(millis);
            }
        }
        List<Double> sorted = times.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }

    private static void spread(String name, List<double[]> rounds, int column, String format) {
        List<Double> values = rounds.stream().map(r -> r[column]).sorted().toList();
        report(
                "%s: min " + format + ", median " + format + ", max " + format + "%n",
                name,
                values.getFirst(),
                values.get(values.size() / 2),
                values.getLast());
    }

    private double throughHttp(String key, LocalDate day, int lines, int round) throws Exception {
        Queue<byte[]> requests = new ConcurrentLinkedQueue<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            body.append(line(day, round, i));
            if ((i + 1) % BATCH == 0 || i == lines - 1) {
                requests.add(BatchSender.request("/api/v1/ingest/downloads", key, body.toString()));
                body.setLength(0);
            }
        }
        int port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(() -> {
                int stored = 0;
                try (BatchSender sender = new BatchSender(port)) {
                    for (byte[] request = requests.poll(); request != null; request = requests.poll()) {
                        BatchSender.Answer answer = sender.send(request);
                        if (answer.status() != 202) {
                            throw new IllegalStateException(answer.status() + ": " + answer.body());
                        }
                        stored += answer.stored();
                    }
                }
                return stored;
            });
        }
        long begin = System.nanoTime();
        int stored = 0;
        try (var pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (Future<Integer> done : pool.invokeAll(clients)) {
                stored += done.get();
            }
        }
        if (stored != lines) {
            throw new IllegalStateException("stored " + stored + " of " + lines);
        }
        return stored / ((System.nanoTime() - begin) / 1e9);
    }

    private static String line(LocalDate day, int round, int i) {
        return "{\"time\": \"" + day + "T" + String.format("%02d:%02d:%02d", (i / 3600) % 24, (i / 60) % 60, i % 60)
                + "Z\", \"ip\": \"10." + round + "." + (i / 250 % 250) + "." + (i % 250 + 1) + "\", \"user_agent\": \""
                + AGENTS[i % 9] + "\", \"method\": \"GET\", \"status\": 206, \"range\": \"bytes=0-\", \"bytes\": "
                + (1_000_000 + i) + ", \"episode\": \"https://cdn.example.com/bench/" + (i % EPISODES) + ".mp3\"}\n";
    }

    /** A raw COPY of {@code LINES} finished rows (keys already made), timed from the statement to the commit. */
    private double rawCopy(UUID tenant, DownloadMeasurementTest.Measured episode, LocalDate day, int round)
            throws Exception {
        StringBuilder csv = new StringBuilder(LINES * 320);
        HexFormat hex = HexFormat.of();
        byte[] key = new byte[16];
        for (int i = 0; i < LINES; i++) {
            key[0] = (byte) round;
            key[1] = (byte) (i >>> 16);
            key[2] = (byte) (i >>> 8);
            key[3] = (byte) i;
            String k = "\\x" + hex.formatHex(key);
            io.reach.platform.database.CopyCsv.row(
                    csv,
                    tenant.toString(),
                    UUID.randomUUID().toString(),
                    day.atStartOfDay()
                            .plusSeconds(i % 86_400)
                            .toInstant(ZoneOffset.UTC)
                            .toString(),
                    episode.podcast(),
                    episode.episode(),
                    "api",
                    k,
                    k,
                    k,
                    "10." + round + "." + (i / 250 % 250) + ".0/24",
                    "GB",
                    "GET",
                    "206",
                    "bytes=0-",
                    Integer.toString(1_000_000 + i),
                    AGENTS[i % 9],
                    null,
                    null,
                    Instant.now().toString());
        }
        byte[] rows = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("set local app.tenant_id = '" + tenant + "'");
            connection
                    .createStatement()
                    .execute("select podcasts.ensure_listener_partitions('" + day + "', '" + day + "')");
            long begin = System.nanoTime();
            connection
                    .createStatement()
                    .execute("create temp table raw_staging (like podcasts.listener_events) on commit drop");
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy raw_staging (" + ListenerEventStore.COLUMNS + ") from stdin (format csv)",
                            new ByteArrayInputStream(rows));
            connection
                    .createStatement()
                    .execute("insert into podcasts.listener_events (" + ListenerEventStore.COLUMNS + ") select "
                            + ListenerEventStore.COLUMNS + " from raw_staging");
            connection.commit();
            return LINES / ((System.nanoTime() - begin) / 1e9);
        }
    }

    /**
     * Writes {@code REQUESTS} requests straight into the table, a day at a time: each listener (one in twenty a bot)
     * asks one episode three times — a two-byte probe, the first 600,000 bytes, the rest — so two in three requests
     * do not count and the third completes the download.
     */
    private long generate(UUID tenant, List<DownloadMeasurementTest.Measured> episodes, LocalDate start)
            throws Exception {
        String[] ids =
                episodes.stream().map(DownloadMeasurementTest.Measured::episode).toArray(String[]::new);
        long perDay = REQUESTS / DAYS;
        long made = 0;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("set local app.tenant_id = '" + tenant + "'");
            connection
                    .createStatement()
                    .execute("select podcasts.ensure_listener_partitions('" + start + "', '" + start.plusDays(DAYS - 1)
                            + "')");
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = start.plusDays(d);
                var insert = connection.prepareStatement("""
                        insert into podcasts.listener_events (tenant_id, id, occurred_at, podcast_id, episode_id, event_type,
                            listener_id, listener_prev, household_key, ip_prefix, country, method, status, range_header,
                            bytes_served, user_agent, referrer, import_id, received_at)
                        select ?::uuid, gen_random_uuid(),
                            ?::timestamptz + ((g / 3) % 86000) * interval '1 second' + (g % 3) * interval '1 second',
                            ?::uuid, (?::uuid[])[(g / 3) % 50 + 1], 'api',
                            substring(sha256(('l' || ? || ':' || g / 3)::bytea) from 1 for 16),
                            substring(sha256(('l' || ? || ':' || g / 3)::bytea) from 1 for 16),
                            substring(sha256(('h' || g / 3 % 200000)::bytea) from 1 for 16),
                            ('10.' || (g / 3 % 200000) / 65536 || '.' || (g / 3 % 65536) / 256 || '.0/24')::cidr,
                            'GB', 'GET', 206,
                            case g % 3 when 0 then 'bytes=0-1' when 1 then 'bytes=0-599999' else 'bytes=600000-' end,
                            case g % 3 when 0 then 2 when 1 then 600000 else 2000000 end,
                            (?::text[])[case when (g / 3) % 20 = 0 then 10 else (g / 3) % 9 + 1 end], null, null, now()
                        from generate_series(0, ? - 1) g""");
                insert.setString(1, tenant.toString());
                insert.setString(2, day.atStartOfDay().toInstant(ZoneOffset.UTC).toString());
                insert.setString(3, episodes.getFirst().podcast());
                insert.setArray(4, connection.createArrayOf("text", ids));
                insert.setString(5, day.toString());
                insert.setString(6, day.minusDays(1).toString());
                insert.setArray(7, connection.createArrayOf("text", AGENTS));
                insert.setLong(8, perDay);
                made += insert.executeUpdate();
                connection.commit();
                connection.createStatement().execute("set local app.tenant_id = '" + tenant + "'");
            }
            connection.createStatement().execute("analyze podcasts.listener_events");
            connection.commit();
        }
        return made;
    }

    /** Reads the requests as counting does (its columns, its order), discarding them: the cost of the data alone. */
    private double orderedRead(UUID tenant, LocalDate start) throws Exception {
        long begin = System.nanoTime();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("set local app.tenant_id = '" + tenant + "'");
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = start.plusDays(d);
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyOut(
                                """
                        copy (select id, occurred_at, episode_id, event_type, listener_id, listener_prev, household_key,
                            host(ip_prefix), family(ip_prefix), country, method, status, range_header, bytes_served, user_agent
                        from podcasts.listener_events where occurred_at >= '%s' and occurred_at < '%s'
                        order by episode_id, listener_id, occurred_at, id) to stdout""".formatted(
                                                day.atStartOfDay().toInstant(ZoneOffset.UTC),
                                                day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                                java.io.OutputStream.nullOutputStream());
            }
            connection.commit();
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }
}

package io.reach.attribution.results;

import io.reach.attribution.catalog.AttributionModels.StoredModel;
import io.reach.attribution.catalog.ModelCatalog;
import io.reach.attribution.models.ModelKind;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.podcasts.matching.Matchmaker;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attribution at scale, each figure beside a plain single-pass baseline measured in the same round:
 * <ol>
 *   <li>{@code bench.touches} touches (1,000,000) and {@code bench.conversions} conversions (100,000) of
 *       250,000 visitors over 30 days on eight channels: the five heuristic models together (first touch, last
 *       touch, linear, position-based, time decay; goal ≤ 10 s), Markov alone and Shapley alone (goal ≤ 30 s
 *       each), each from the API's entry point (reading the period's events, building journeys, crediting) —
 *       against reading the same events the same way and crediting each conversion to its visitor's last touch
 *       in one pass over a hash map;</li>
 *   <li>matching one sponsor against 1,000 episodes' stored transcript embeddings (20 podcasts, 100 segments
 *       each, one episode in ten with flagged segments; goal ≤ 2 s) against reading those 1,000 embeddings.</li>
 * </ol>
 * Every round is printed. Not part of {@code ./mvnw verify}; run with bench/attribution/run.
 */
@ReachTest
class AttributionBenchmark {

    static final int TOUCHES = Integer.getInteger("bench.touches", 1_000_000);
    static final int CONVERSIONS = Integer.getInteger("bench.conversions", 100_000);
    static final int VISITORS = 250_000;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int DAYS = 30;
    static final String[] CHANNELS = {"podcast", "email", "search", "social", "display", "affiliate", "direct", "video"
    };

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    AttributionResults results;

    @Autowired
    PeriodEvents events;

    @Autowired
    ModelCatalog catalog;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    Matchmaker matchmaker;

    @Autowired
    JdbcClient jdbc;

    @Test
    void attributionAndMatchingAtScale() {
        Accounts.SignedIn ada = accounts.owner();
        TenantId tenant = TenantId.of(ada.tenantId());
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate from = to.minusDays(DAYS - 1);
        long started = System.nanoTime();
        generateEvents(ada.tenantId(), from);
        System.out.printf(
                "attribution_setup: %d touches, %d conversions stored in %.1f s%n",
                TOUCHES, CONVERSIONS, seconds(started));

        List<StoredModel> models = TenantContext.callAs(tenant, catalog::all);
        Set<UUID> heuristics = ids(
                models,
                Set.of(
                        ModelKind.FIRST_TOUCH,
                        ModelKind.LAST_TOUCH,
                        ModelKind.LINEAR,
                        ModelKind.POSITION_BASED,
                        ModelKind.TIME_DECAY));
        Set<UUID> markov = ids(models, Set.of(ModelKind.MARKOV));
        Set<UUID> shapley = ids(models, Set.of(ModelKind.SHAPLEY));
        TenantContext.callAs(tenant, () -> results.results(from, to, 30, TouchPoint.CHANNEL, heuristics));
        for (int round = 1; round <= ROUNDS; round++) {
            double baseline = timed(tenant, () -> lastTouchInOnePass(from, to));
            double heuristic = timed(tenant, () -> results.results(from, to, 30, TouchPoint.CHANNEL, heuristics));
            double chain = timed(tenant, () -> results.results(from, to, 30, TouchPoint.CHANNEL, markov));
            double coalitions = timed(tenant, () -> results.results(from, to, 30, TouchPoint.CHANNEL, shapley));
            System.out.printf(
                    "attribution_round_%d: baseline %.2f s; heuristics (5 models) %.2f s (ratio %.2f); markov %.2f s"
                            + " (ratio %.2f); shapley %.2f s (ratio %.2f)%n",
                    round,
                    baseline,
                    heuristic,
                    heuristic / baseline,
                    chain,
                    chain / baseline,
                    coalitions,
                    coalitions / baseline);
        }

        UUID sponsor = matchingFixture(ada);
        double warm = timed(tenant, () -> matchmaker.matchPodcasts(sponsor, null));
        System.out.printf("matching_warmup: %.2f s (loads the embedding model once)%n", warm);
        for (int round = 1; round <= ROUNDS; round++) {
            double baseline = timed(
                    tenant,
                    () -> transactions.inTransaction(
                            () -> jdbc.sql("select episode_id, embedding from podcasts.transcripts")
                                    .query((rs, row) -> rs.getArray(2).getArray())
                                    .list()
                                    .size()));
            double matching =
                    timed(tenant, () -> matchmaker.matchPodcasts(sponsor, null).size());
            System.out.printf(
                    "matching_round_%d: reading 1000 embeddings %.3f s; matching 1000 episodes (20 podcasts)"
                            + " %.3f s (ratio %.1f)%n",
                    round, baseline, matching, matching / baseline);
        }
    }

    /** The baseline: the same reads as the models, then each conversion to its visitor's last touch. */
    private Map<String, Double> lastTouchInOnePass(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return transactions.inTransaction(() -> {
            List<PeriodEvents.Conversion> conversions = events.conversions(start, end);
            List<PeriodEvents.TouchRow> touches =
                    events.touches(start.minus(Duration.ofDays(30)), end, TouchPoint.CHANNEL);
            Map<String, List<PeriodEvents.TouchRow>> byVisitor = new HashMap<>();
            for (PeriodEvents.TouchRow touch : touches) {
                byVisitor
                        .computeIfAbsent(String.valueOf(touch.visitor()), v -> new ArrayList<>())
                        .add(touch);
            }
            Map<String, Double> credit = new HashMap<>();
            for (PeriodEvents.Conversion conversion : conversions) {
                List<PeriodEvents.TouchRow> mine =
                        byVisitor.getOrDefault(String.valueOf(conversion.visitor()), List.of());
                String last = null;
                for (PeriodEvents.TouchRow touch : mine) {
                    if (!touch.at().isAfter(conversion.at())) {
                        last = touch.point();
                    }
                }
                if (last != null) {
                    credit.merge(last, 1.0, Double::sum);
                }
            }
            return credit;
        });
    }

    private void generateEvents(UUID tenant, LocalDate from) {
        Random random = new Random(19);
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        long span = Duration.ofDays(DAYS).toSeconds();
        StringBuilder csv = new StringBuilder(TOUCHES * 120);
        Instant now = Instant.now();
        long[] lastTouch = new long[VISITORS];
        for (int i = 0; i < TOUCHES; i++) {
            int visitor = random.nextInt(VISITORS);
            // Channels are not equally likely: a skew the models can tell apart.
            String channel = CHANNELS[Math.min(CHANNELS.length - 1, (int) Math.abs(random.nextGaussian() * 2.5))];
            long at = (long) (random.nextDouble() * span * 0.9);
            lastTouch[visitor] = Math.max(lastTouch[visitor], at);
            csv.append(tenant)
                    .append(',')
                    .append(UUID.randomUUID())
                    .append(',')
                    .append(start.plusSeconds(at))
                    .append(",touch,api,")
                    .append(channel)
                    .append(",v")
                    .append(visitor)
                    .append(",,,,")
                    .append(now)
                    .append('\n');
        }
        for (int i = 0; i < CONVERSIONS; i++) {
            int visitor = random.nextInt(VISITORS);
            long at = Math.min(span - 1, lastTouch[visitor] + 60 + random.nextInt(86_400));
            csv.append(tenant)
                    .append(',')
                    .append(UUID.randomUUID())
                    .append(',')
                    .append(start.plusSeconds(at))
                    .append(",conversion,api,,v")
                    .append(visitor)
                    .append(",purchase,")
                    .append(10 + random.nextInt(190))
                    .append(",USD,")
                    .append(now)
                    .append('\n');
        }
        owner.run(db -> {
            db.queryForObject(
                    "select attribution.ensure_event_partitions(?, ?)",
                    Integer.class,
                    from.minusDays(31),
                    from.plusDays(DAYS + 1));
            db.execute("set app.tenant_id = '" + tenant + "'");
            db.execute("create temp table staged (like attribution.events including defaults)");
            db.execute((ConnectionCallback<Long>) connection -> {
                try {
                    return connection
                            .unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                    "copy staged (tenant_id, id, occurred_at, attribution_type, source, channel,"
                                            + " visitor_key, action, value, currency, received_at) from stdin (format csv)",
                                    new StringReader(csv.toString()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            db.update("insert into attribution.events select * from staged");
            db.execute("drop table staged");
            db.execute("analyze attribution.events");
        });
    }

    private UUID matchingFixture(Accounts.SignedIn ada) {
        List<String> podcasts = new ArrayList<>();
        String[] categories = {"Technology", "Health & Fitness", "Business", "History", "Comedy"};
        for (int p = 0; p < 20; p++) {
            podcasts.add(api.post("/api/v1/podcasts", ada.accessToken(), """
                    {"name": "Show %d", "category": "%s", "language": "en"}""".formatted(p, categories[p % 5]))
                    .json()
                    .get("id")
                    .asString());
        }
        owner.run(db -> {
            db.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            String list = podcasts.stream().map(id -> "'" + id + "'::uuid").collect(Collectors.joining(","));
            db.update("""
                    insert into podcasts.episodes (tenant_id, id, podcast_id, guid, title, created_at, updated_at)
                    select ?::uuid, gen_random_uuid(), p, 'bench-' || p || '-' || n, 'Episode ' || n, now(), now()
                    from unnest(array[%s]) as p, generate_series(1, 50) as n""".formatted(list), ada.tenantId());
            db.update("""
                    insert into podcasts.transcripts (tenant_id, episode_id, content, language, search_config, format,
                        source, segment_count, flagged_segments, embedding, created_at, updated_at)
                    select e.tenant_id, e.id, 'words', 'en', 'english', 'text', 'upload', 100,
                        case when random() < 0.1 then '{"alcohol": 2}'::jsonb else '{}'::jsonb end,
                        array(select (random() - 0.5)::real from generate_series(1, 384) where e.id is not null),
                        now(), now()
                    from podcasts.episodes e where e.tenant_id = ?::uuid""", ada.tenantId());
            db.update("""
                    insert into podcasts.transcript_segments (tenant_id, episode_id, position, starts_ms, ends_ms, body,
                        flags, search)
                    select t.tenant_id, t.episode_id, n, n * 10000, n * 10000 + 9000, b.body,
                        case when jsonb_exists(t.flagged_segments, 'alcohol') and n < 2 then '{alcohol}'::text[]
                            else '{}' end,
                        to_tsvector('english', b.body)
                    from podcasts.transcripts t, generate_series(0, 99) as n,
                        lateral (select 'Segment ' || n || ' of the episode, where the hosts talk about wine, shoes'
                            || ' and training plans for the weeks ahead' as body) b
                    where t.tenant_id = ?::uuid""", ada.tenantId());
            db.execute("analyze podcasts.transcripts");
            db.execute("analyze podcasts.transcript_segments");
        });
        return UUID.fromString(api.post("/api/v1/sponsors", ada.accessToken(), """
                {"name": "Bench Sponsor", "industry": "fitness apparel",
                 "description": "Running shoes and training gear for marathon runners",
                 "excluded_categories": ["alcohol"], "target_countries": ["US"], "max_cpm": 25, "budget": 1000}""")
                .json()
                .get("id")
                .asString());
    }

    private static Set<UUID> ids(List<StoredModel> models, Set<ModelKind> kinds) {
        return models.stream()
                .filter(model -> kinds.contains(model.modelType()))
                .map(StoredModel::id)
                .collect(Collectors.toSet());
    }

    private static double timed(TenantId tenant, Supplier<?> work) {
        long started = System.nanoTime();
        TenantContext.callAs(tenant, work);
        return seconds(started);
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}

package io.reach.bench;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Publish-job dispatch throughput: due jobs per second taken from db-scheduler (the workspace's due run, as
 * scheduling a post sets it), claimed, "published" through a no-op adapter and settled, against the same
 * run's baseline of no-op db-scheduler tasks. Each side's time ends at its last item (the last no-op task's
 * run, the last job's conclusion), not at the watcher's next look.
 * Two warm-up rounds, not counted, then three rounds, each with its own baseline (min/median/max of the ratio
 * follow); a baseline under 100 tasks/s fails the run, so a busy machine is seen as one.
 * Not part of {@code ./mvnw verify} (the class name does not end in Test); run with bench/publish-dispatch/run.
 */
@ReachTest
// pg_stat_statements counts, so the statements can be printed after the rounds
@org.springframework.test.context.TestPropertySource(properties = "reach.embedded-postgres.statement-stats=true")
@Import({PublishDispatchBenchmark.Stubs.class, io.reach.social.NoOpLinkedIn.class})
class PublishDispatchBenchmark {

    static final int JOBS = Integer.getInteger("bench.jobs", 400);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** Rounds run first and not counted, so the JIT has compiled both paths, as in a server that has been running. */
    static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup-rounds", 2);
    /** A no-op db-scheduler task rate below this means the machine was busy: the ratio would mean nothing. */
    static final int PLAUSIBLE_BASELINE = 100;

    static final AtomicInteger BASELINE_DONE = new AtomicInteger();
    /** When the last no-op task ran, so the baseline's time ends there and not at the next look. */
    static final java.util.concurrent.atomic.AtomicReference<Instant> BASELINE_LAST =
            new java.util.concurrent.atomic.AtomicReference<>(Instant.EPOCH);

    private static final String PUBLISHED =
            "select count(*) from publishing.publish_jobs where id = any(?) and status = 'success'";
    /** When the round's last job was concluded (its {@code updated_at}, written from the same clock as the start). */
    private static final String LAST_CONCLUDED =
            "select max(updated_at) from publishing.publish_jobs where id = any(?)";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    OneTimeTask<Void> benchNoOpTask;

    @Autowired
    io.reach.platform.crypto.SecretBox box;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void dispatchThroughput() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        io.reach.support.DueJobs fixtures = new io.reach.support.DueJobs(owner, box);
        UUID account = fixtures.linkedInAccount(ada.tenantId());
        List<Double> ratios = new java.util.ArrayList<>();
        io.reach.support.BenchDatabase statements = new io.reach.support.BenchDatabase(environment);
        for (int round = 1 - WARMUP_ROUNDS; round <= ROUNDS; round++) {
            if (round == 1) {
                statements.reset();
            }
            int before = BASELINE_DONE.get();
            Instant baselineStart = Instant.now();
            io.reach.support.CpuSplit baselineCpu = io.reach.support.CpuSplit.now();
            for (int i = 0; i < JOBS; i++) {
                scheduler.scheduleIfNotExists(
                        benchNoOpTask.instance("noop-" + i + "-" + UUID.randomUUID()), Instant.now());
            }
            while (BASELINE_DONE.get() - before < JOBS) {
                Thread.sleep(20);
            }
            double baseline = JOBS / seconds(baselineStart, BASELINE_LAST.get());
            io.reach.support.CpuSplit baselineUsed = io.reach.support.CpuSplit.since(baselineCpu);

            List<UUID> jobs = fixtures.create(ada.tenantId(), account, JOBS);
            Instant start = Instant.now();
            io.reach.support.CpuSplit dispatchCpu = io.reach.support.CpuSplit.now();
            java.util.Map<String, Long> dispatchThreads = io.reach.support.CpuSplit.threads();
            io.reach.publishing.BenchAccess.dueNow(context, ada.tenantId(), jobs);
            Instant concluded = awaitPublished(ada.tenantId(), jobs);
            double dispatch = JOBS / seconds(start, concluded);
            io.reach.support.CpuSplit dispatchUsed = io.reach.support.CpuSplit.since(dispatchCpu);
            io.reach.support.BenchRounds.requirePlausible(
                    "no-op db-scheduler tasks", round, baseline, PLAUSIBLE_BASELINE);
            if (round < 1) {
                System.out.printf(
                        "publish_dispatch_warmup: baseline %.1f no-op tasks/s; jobs %.1f/s (not counted)%n",
                        baseline, dispatch);
                continue;
            }
            ratios.add(dispatch / baseline);
            System.out.printf(
                    "publish_dispatch_round_%d: baseline %.1f no-op tasks/s; jobs %.1f/s; ratio %.3f%n",
                    round, baseline, dispatch, dispatch / baseline);
            System.out.printf(
                    "publish_dispatch_round_%d_cpu: baseline %s; jobs %s%n",
                    round, baselineUsed.per(JOBS, "task"), dispatchUsed.per(JOBS, "job"));
            System.out.printf("publish_dispatch_round_%d_phases: %s%n", round, phases(ada.tenantId(), jobs, start));
            System.out.printf(
                    "publish_dispatch_round_%d_threads: %s%n",
                    round, io.reach.support.CpuSplit.threadsSince(dispatchThreads, dispatchUsed));
        }
        System.out.println("publish_dispatch_ratio: " + io.reach.support.BenchRounds.spread(ratios));
        statements.print("publish_dispatch_statement", 25);
    }

    /**
     * Watches the round's jobs over one connection (a new one per look forked a PostgreSQL backend 20 times a
     * second) until all are published; returns when the last was concluded, so the time does not depend on
     * when the watcher looked.
     */
    private Instant awaitPublished(UUID tenant, List<UUID> jobs) {
        UUID[] ids = jobs.toArray(UUID[]::new);
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            while (jdbc.queryForObject(PUBLISHED, Long.class, (Object) ids) < ids.length) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return jdbc.queryForObject(LAST_CONCLUDED, java.time.OffsetDateTime.class, (Object) ids)
                    .toInstant();
        });
    }

    /**
     * Where a round's time went, from the jobs' own timestamps: the first and last beat before sending (each
     * job beats right before its platform call) and the last conclusion, in milliseconds after the start.
     */
    private String phases(UUID tenant, List<UUID> jobs, Instant start) {
        UUID[] ids = jobs.toArray(UUID[]::new);
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForObject(
                    """
                    select format('first send %s ms, last send %s ms, last conclusion %s ms',
                        round(extract(epoch from min(heartbeat_at) - ?) * 1000),
                        round(extract(epoch from max(heartbeat_at) - ?) * 1000),
                        round(extract(epoch from max(updated_at) - ?) * 1000))
                    from publishing.publish_jobs where id = any(?)""",
                    String.class,
                    java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC),
                    java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC),
                    java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC),
                    ids);
        });
    }

    private static double seconds(Instant start, Instant end) {
        return Duration.between(start, end).toNanos() / 1e9;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Stubs {

        @Bean
        OneTimeTask<Void> benchNoOpTask() {
            return Tasks.oneTime("bench-noop").execute((instance, context) -> {
                BASELINE_LAST.accumulateAndGet(Instant.now(), (last, now) -> now.isAfter(last) ? now : last);
                BASELINE_DONE.incrementAndGet();
            });
        }
    }
}

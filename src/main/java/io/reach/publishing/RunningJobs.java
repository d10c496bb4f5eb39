package io.reach.publishing;

import io.reach.platform.concurrent.GroupCommit;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The publish jobs this node is running, each kept alive by a heartbeat ({@code heartbeat_at},
 * every {@code reach.publishing.heartbeat-every}) for as long as it waits or uploads, so the
 * sweep takes back only jobs whose beat stopped for {@code reach.publishing.stale-after} (their
 * node died). A runner that stalled longer than that anyway has lost its job: it sends nothing
 * after finding out, and the job refuses its finish (the attempt number no longer matches).
 */
@Component
class RunningJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);
    /** The most beats one transaction sends (one JDBC batch). */
    private static final int BEATS_AT_ONCE = 100;

    private final PublishJobs jobs;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final Duration staleAfter;
    private final Set<Held> held = ConcurrentHashMap.newKeySet();
    private final Map<TenantId, GroupCommit<Held, Boolean>> beats = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("publish-heartbeat").daemon().factory());

    RunningJobs(
            PublishJobs jobs,
            TenantTransactions transactions,
            Clock clock,
            @Value("${reach.publishing.heartbeat-every:1m}") Duration every,
            @Value("${reach.publishing.stale-after:10m}") Duration staleAfter) {
        if (every.isNegative() || every.isZero() || every.multipliedBy(3).compareTo(staleAfter) > 0) {
            throw new IllegalStateException("reach.publishing.heartbeat-every (" + every
                    + ") must be positive and at most a" + " third of reach.publishing.stale-after (" + staleAfter
                    + "), or live jobs would be taken back");
        }
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
        this.staleAfter = staleAfter;
        heart.scheduleWithFixedDelay(this::beatAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One claimed attempt of a job. */
    record Held(TenantId tenant, UUID jobId, int attempt) {}

    Duration staleAfter() {
        return staleAfter;
    }

    Held hold(TenantId tenant, PublishJobs.Job job) {
        Held attempt = new Held(tenant, job.id(), job.attempt());
        held.add(attempt);
        return attempt;
    }

    void release(Held attempt) {
        held.remove(attempt);
    }

    /**
     * Beats now; whether the job is still this attempt's (asked before anything is sent). Runners that ask
     * at the same moment share one transaction ({@link GroupCommit}, per tenant).
     */
    boolean stillHeld(Held attempt) {
        return beats.computeIfAbsent(
                        attempt.tenant(),
                        tenant -> new GroupCommit<>(together -> beat(tenant, together), BEATS_AT_ONCE))
                .apply(attempt);
    }

    private List<Boolean> beat(TenantId tenant, List<Held> attempts) {
        List<PublishJobs.Beat> beats = attempts.stream()
                .map(attempt -> new PublishJobs.Beat(attempt.jobId(), attempt.attempt()))
                .toList();
        return transactions.inTransactionAs(tenant, () -> jobs.beatAll(beats, clock.instant()));
    }

    private void beatAll() {
        Map<TenantId, List<Held>> byTenant = Set.copyOf(held).stream().collect(Collectors.groupingBy(Held::tenant));
        byTenant.forEach((tenant, attempts) -> {
            try {
                List<Boolean> still = beat(tenant, attempts);
                for (int i = 0; i < attempts.size(); i++) {
                    if (!still.get(i)) {
                        held.remove(attempts.get(i));
                        log.warn(
                                "Publish job {} (attempt {}) was taken back while it ran here",
                                attempts.get(i).jobId(),
                                attempts.get(i).attempt());
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Heartbeat of {} publish jobs failed: {}", attempts.size(), e.getMessage());
            }
        });
    }

    @Override
    public void destroy() {
        heart.shutdownNow();
    }
}

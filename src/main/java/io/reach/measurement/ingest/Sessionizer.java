package io.reach.measurement.ingest;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds queued events into sessions in bulk, off the path that acknowledges a batch: a tenant
 * whose events were just stored is drained within {@code reach.measurement.sessionize-delay}
 * (1 s) on this node, and every tenant once a minute on any node (for queues a stopped node
 * left). One drain per tenant at a time (an advisory lock; a second waits), in chunks of whole
 * stored batches of about 50,000 events.
 */
@Component
public class Sessionizer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Sessionizer.class);
    private static final int CHUNK = 50_000;

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final String gap;
    private final Set<TenantId> signalled = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sessionizer").daemon().factory());

    Sessionizer(
            JdbcClient jdbc,
            TenantTransactions transactions,
            TenantDirectory tenants,
            @Value("${reach.measurement.session-gap:30m}") Duration gap,
            @Value("${reach.measurement.sessionize-delay:1s}") Duration delay) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenants = tenants;
        this.gap = gap.toSeconds() + " seconds";
        loop.scheduleWithFixedDelay(this::drainSignalled, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Notes that a tenant has queued events. */
    void signal(TenantId tenant) {
        signalled.add(tenant);
    }

    /** Folds all the tenant's queued events into sessions (after any drain already running); returns how many. */
    public int drain(TenantId tenant) {
        int total = 0;
        int taken;
        do {
            taken = transactions.inTransactionAs(tenant, () -> {
                // a chunk's events are sorted by session and time: in memory, not in files (the 4 MB default spills)
                jdbc.sql(
                                "select pg_advisory_xact_lock(hashtextextended(:key, 0)), set_config('work_mem', '64MB', true)")
                        .param("key", "sessionize:" + tenant.value())
                        .query()
                        .listOfRows();
                return jdbc.sql(TrackerSessions.SESSIONIZE)
                        .param("limit", CHUNK)
                        .param("gap", gap)
                        .param("tenant", tenant.value())
                        .query(Integer.class)
                        .single();
            });
            total += taken;
        } while (taken >= CHUNK);
        if (total > 0) {
            log.debug("Sessions of tenant {}: {} queued events folded in", tenant.value(), total);
        }
        return total;
    }

    /** Drains every tenant. */
    int drainAll() {
        return tenants.allTenants().stream().mapToInt(this::drain).sum();
    }

    private void drainSignalled() {
        for (TenantId tenant : Set.copyOf(signalled)) {
            signalled.remove(tenant);
            try {
                drain(tenant);
            } catch (RuntimeException e) {
                signalled.add(tenant);
                log.warn(
                        "Folding the events of tenant {} into sessions failed; retrying: {}",
                        tenant.value(),
                        e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        loop.shutdownNow();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> sessionizeTask(Sessionizer sessionizer) {
            return Tasks.recurring("tracker-sessions", FixedDelay.of(Duration.ofMinutes(1)))
                    .execute((instance, context) -> sessionizer.drainAll());
        }
    }
}

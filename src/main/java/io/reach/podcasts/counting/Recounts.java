package io.reach.podcasts.counting;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * Recounts asked for (after a list or the window changed): a background job per request, which
 * counts its days in order and reports each day done; and the counting of new requests, which runs
 * every {@code reach.podcasts.counting.interval} over every workspace.
 */
@Service
public class Recounts {

    static final int MAX_DAYS = 800;
    private static final Logger log = LoggerFactory.getLogger(Recounts.class);
    static final TaskDescriptor<String> TASK = TaskDescriptor.of("podcast-recount", String.class);

    private final DownloadCounting counting;
    private final MeasurementJobs jobs;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Ids ids;
    private final Clock clock;

    Recounts(
            DownloadCounting counting,
            MeasurementJobs jobs,
            TenantTransactions transactions,
            TenantDirectory tenants,
            ObjectProvider<SchedulerClient> scheduler,
            Ids ids,
            Clock clock) {
        this.counting = counting;
        this.jobs = jobs;
        this.transactions = transactions;
        this.tenants = tenants;
        this.scheduler = scheduler;
        this.ids = ids;
        this.clock = clock;
    }

    /** Queues a recount of {@code [from, to]} for the current workspace. */
    public MeasurementJobs.Job start(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (to.isBefore(from)) {
            throw new InvalidRequestException(new FieldError("to", "is on or after from"));
        }
        if (to.isAfter(today)) {
            throw new InvalidRequestException(new FieldError("to", "is today at the latest"));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidRequestException(new FieldError("from", "a recount covers at most " + MAX_DAYS + " days"));
        }
        TenantId tenant = TenantContext.require();
        UUID id = ids.next();
        MeasurementJobs.Job job = transactions.inTransaction(() -> {
            jobs.add(
                    id,
                    MeasurementJobs.Kind.RECOUNT,
                    null,
                    null,
                    null,
                    from,
                    to,
                    ChronoUnit.DAYS.between(from, to) + 1,
                    clock.instant());
            return jobs.find(id).orElseThrow();
        });
        String key = tenant.value() + ":" + id;
        scheduler.getObject().scheduleIfNotExists(TASK.instance(key).data(key).scheduledTo(clock.instant()));
        log.info("Recount {} of tenant {} queued: {} to {}", id, tenant.value(), from, to);
        return job;
    }

    void run(TenantId tenant, UUID id) {
        MeasurementJobs.Job job =
                transactions.inTransactionAs(tenant, () -> jobs.find(id)).orElse(null);
        LocalDate from = job == null ? null : job.firstDay();
        LocalDate to = job == null ? null : job.lastDay();
        if (job == null || from == null || to == null || job.status() == MeasurementJobs.Status.SUCCEEDED) {
            return;
        }
        transactions.inTransactionAs(tenant, () -> jobs.started(id, clock.instant()));
        AtomicLong done = new AtomicLong();
        try {
            DownloadCounting.Counted counted = counting.count(tenant, from, to, day -> {
                long days = done.incrementAndGet();
                transactions.inTransactionAs(tenant, () -> jobs.progress(id, days, 0, 0, null, null));
                log.info(
                        "Recount {} of tenant {}: {} counted ({} of {} days)",
                        id,
                        tenant.value(),
                        day,
                        days,
                        job.total());
            });
            transactions.inTransactionAs(tenant, () -> {
                jobs.progress(id, counted.days(), counted.downloads(), 0, null, null);
                jobs.finished(id, null, clock.instant());
            });
        } catch (RuntimeException e) {
            log.warn("Recount {} of tenant {} failed", id, tenant.value(), e);
            transactions.inTransactionAs(tenant, () -> jobs.finished(id, e.getMessage(), clock.instant()));
        }
    }

    /** Counts every workspace's uncounted days; returns the days counted. */
    int countNew() {
        int days = 0;
        for (TenantId tenant : tenants.allTenants()) {
            try {
                days += counting.countUncounted(tenant).days();
            } catch (RuntimeException e) {
                log.warn(
                        "Counting the new downloads of tenant {} failed; it is tried again next run",
                        tenant.value(),
                        e);
            }
        }
        return days;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        OneTimeTask<String> podcastRecountTask(Recounts recounts) {
            return Tasks.oneTime(TASK).execute((instance, context) -> {
                String[] parts = instance.getData().split(":");
                recounts.run(TenantId.of(UUID.fromString(parts[0])), UUID.fromString(parts[1]));
            });
        }

        @Bean
        RecurringTask<Void> podcastCountingTask(
                Recounts recounts, @Value("${reach.podcasts.counting.interval:1m}") Duration interval) {
            return Tasks.recurring("podcast-counting", FixedDelay.of(interval))
                    .execute((instance, context) -> recounts.countNew());
        }
    }
}

package io.reach.publishing;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler tasks that run publish jobs: a tenant's due run (its data the tenant), the task of one
 * job (its data {@code <tenant>:<job>}), and the sweep.
 */
@Configuration(proxyBeanMethods = false)
class PublishTask {

    static final TaskDescriptor<String> DESCRIPTOR = TaskDescriptor.of(PublishScheduling.TASK, String.class);
    static final TaskDescriptor<String> DUE = TaskDescriptor.of(PublishScheduling.DUE_TASK, String.class);

    /**
     * Every minute, puts back on the timetable any job that is due but was never picked up (a
     * crash between scheduling steps) or whose node died mid-run (no heartbeat for
     * {@code reach.publishing.stale-after}): no post silently stays behind.
     */
    @Bean
    RecurringTask<Void> publishSweepTask(
            AllTenants allTenants,
            PublishJobs jobs,
            PublishScheduling scheduling,
            RunningJobs running,
            java.time.Clock clock) {
        return Tasks.recurring("publish-sweep", FixedDelay.of(java.time.Duration.ofMinutes(1)))
                .execute((instance, context) -> allTenants.sumOverTenantsAndPlatform(tenant -> {
                    var stranded = jobs.stranded(clock.instant(), running.staleAfter());
                    stranded.forEach(job -> scheduling.at(tenant, job.id(), job.attempt() + 100, clock.instant()));
                    return stranded.size();
                }));
    }

    /**
     * A tenant's due run: its jobs due by now, together; then it is set for when the next one falls due,
     * or removed when none waits. A run that failed as a whole is tried again in half a minute.
     */
    @Bean
    CustomTask<String> publishDueTask(PublishRunner runner) {
        return Tasks.custom(DUE)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(java.time.Duration.ofSeconds(30)))
                .execute((instance, context) -> {
                    Optional<Instant> next = runner.runDue(TenantId.of(UUID.fromString(instance.getData())));
                    return (complete, operations) ->
                            next.ifPresentOrElse(at -> operations.reschedule(complete, at), operations::remove);
                });
    }

    /** One job (see {@link PublishScheduling}); also the jobs planned before due runs existed. */
    @Bean
    OneTimeTask<String> publishVariantTask(PublishRunner runner) {
        return Tasks.oneTime(DESCRIPTOR).execute((instance, context) -> {
            String[] parts = instance.getData().split(":");
            runner.run(TenantId.of(UUID.fromString(parts[0])), UUID.fromString(parts[1]));
        });
    }
}

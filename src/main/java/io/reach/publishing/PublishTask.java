package io.reach.publishing;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantId;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler task that runs one publish attempt; its data is {@code <tenant>:<job>}. */
@Configuration(proxyBeanMethods = false)
class PublishTask {

    static final TaskDescriptor<String> DESCRIPTOR = TaskDescriptor.of(PublishScheduling.TASK, String.class);

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

    @Bean
    OneTimeTask<String> publishVariantTask(PublishRunner runner) {
        return Tasks.oneTime(DESCRIPTOR).execute((instance, context) -> {
            String[] parts = instance.getData().split(":");
            runner.run(TenantId.of(UUID.fromString(parts[0])), UUID.fromString(parts[1]));
        });
    }
}

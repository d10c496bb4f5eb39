package io.reach.publishing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.reach.platform.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts publish jobs on db-scheduler's timetable: one task instance per job and attempt, named
 * {@code <tenant>:<job>:<attempt>}. db-scheduler hands each instance to exactly one node.
 */
@Component
class PublishScheduling {

    static final String TASK = "publish-variant";

    private final ObjectProvider<SchedulerClient> scheduler;

    PublishScheduling(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void at(TenantId tenant, UUID jobId, int attempt, Instant when) {
        var instance = PublishTask.DESCRIPTOR
                .instance(tenant + ":" + jobId + ":" + attempt)
                .data(tenant + ":" + jobId)
                .scheduledTo(when);
        if (!scheduler.getObject().scheduleIfNotExists(instance)) {
            scheduler.getObject().reschedule(TaskInstanceId.of(TASK, tenant + ":" + jobId + ":" + attempt), when);
        }
    }
}

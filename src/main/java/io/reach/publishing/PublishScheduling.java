package io.reach.publishing;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.reach.platform.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts publish jobs on db-scheduler's timetable. Each tenant has one due run ({@value #DUE_TASK}, named
 * after the tenant), set for when its next job falls due; it runs every job due by then together and
 * sets itself for the next. A job planned while its tenant's run is running (which may have looked for due
 * jobs already) gets a task instance of its own instead ({@value #TASK}, named
 * {@code <tenant>:<job>:<attempt>}), as every job had before due runs. db-scheduler hands each instance to
 * exactly one node, and a job is claimed before it is sent, so a job reached by both runs only once.
 */
@Component
class PublishScheduling {

    static final String TASK = "publish-variant";
    static final String DUE_TASK = "publish-due";

    private final ObjectProvider<SchedulerClient> scheduler;

    PublishScheduling(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void at(TenantId tenant, UUID jobId, int attempt, Instant when) {
        at(tenant, List.of(jobId), attempt, when);
    }

    /** Makes sure the jobs run at {@code when}; run inside the transaction that planned them, if there is one. */
    void at(TenantId tenant, List<UUID> jobIds, int attempt, Instant when) {
        if (jobIds.isEmpty() || dueRunBy(tenant, when)) {
            return;
        }
        for (UUID jobId : jobIds) {
            var instance = PublishTask.DESCRIPTOR
                    .instance(tenant + ":" + jobId + ":" + attempt)
                    .data(tenant + ":" + jobId)
                    .scheduledTo(when);
            if (!scheduler.getObject().scheduleIfNotExists(instance)) {
                scheduler.getObject().reschedule(TaskInstanceId.of(TASK, tenant + ":" + jobId + ":" + attempt), when);
            }
        }
    }

    /**
     * Sets the tenant's due run for {@code when} at the latest; false when it is running now. The run's row
     * is updated even when its time stays: the update holds the row until the planning transaction commits,
     * so the run cannot be picked before the jobs are there to be seen (and a run picked first makes the
     * update fail, so the jobs get instances of their own).
     */
    private boolean dueRunBy(TenantId tenant, Instant when) {
        SchedulerClient client = scheduler.getObject();
        String name = tenant.toString();
        if (client.scheduleIfNotExists(PublishTask.DUE.instance(name).data(name).scheduledTo(when))) {
            return true;
        }
        TaskInstanceId run = TaskInstanceId.of(DUE_TASK, name);
        Optional<ScheduledExecution<Object>> scheduled = client.getScheduledExecution(run);
        if (scheduled.isEmpty() || scheduled.get().isPicked()) {
            return false;
        }
        Instant earlier = scheduled.get().getExecutionTime().isBefore(when)
                ? scheduled.get().getExecutionTime()
                : when;
        try {
            return client.reschedule(run, earlier, name);
        } catch (TaskInstanceException e) {
            // picked or done since it was read
            return false;
        }
    }
}

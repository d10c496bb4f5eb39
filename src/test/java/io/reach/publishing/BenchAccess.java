package io.reach.publishing;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.util.UUID;

/** Lets the benchmark put publish jobs on db-scheduler's timetable the way the application does. */
public final class BenchAccess {

    private BenchAccess() {}

    public static TaskInstance<String> instance(UUID tenant, UUID job) {
        return PublishTask.DESCRIPTOR
                .instance(tenant + ":" + job + ":0")
                .data(tenant + ":" + job)
                .build();
    }
}

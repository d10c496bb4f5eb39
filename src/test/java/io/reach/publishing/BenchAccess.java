package io.reach.publishing;

import io.reach.platform.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Lets the benchmark put publish jobs on db-scheduler's timetable the way the application does. */
public final class BenchAccess {

    private BenchAccess() {}

    /** Plans the jobs to run now, as scheduling a post does for its variants' jobs. */
    public static void dueNow(ApplicationContext context, UUID tenant, List<UUID> jobs) {
        context.getBean(PublishScheduling.class).at(TenantId.of(tenant), jobs, 0, Instant.now());
    }
}

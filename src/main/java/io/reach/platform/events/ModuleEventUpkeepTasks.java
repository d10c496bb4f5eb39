package io.reach.platform.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox upkeep as cluster-wide recurring tasks: one node runs each at a time. */
@Configuration(proxyBeanMethods = false)
class ModuleEventUpkeepTasks {

    static final Duration RETRY_EVERY = Duration.ofMinutes(1);

    @Bean
    RecurringTask<Void> moduleEventRetryTask(ModuleEventUpkeep upkeep) {
        return Tasks.recurring("module-event-retry", FixedDelay.of(RETRY_EVERY))
                .execute((instance, context) -> upkeep.retryFailed());
    }

    @Bean
    RecurringTask<Void> moduleEventPurgeTask(ModuleEventUpkeep upkeep) {
        return Tasks.recurring("module-event-purge", FixedDelay.of(Duration.ofDays(1)))
                .execute((instance, context) -> upkeep.purgeCompleted());
    }
}

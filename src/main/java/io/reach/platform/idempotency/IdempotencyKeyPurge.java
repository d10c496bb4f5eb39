package io.reach.platform.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.AllTenants;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hourly, deletes idempotency records past their 24 hours, tenant by tenant. */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    @Bean
    RecurringTask<Void> idempotencyKeyPurgeTask(AllTenants allTenants, IdempotencyRecords records) {
        return Tasks.recurring("idempotency-key-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int purged = allTenants.sumOverTenantsAndPlatform(tenant -> records.purgeExpired());
                    log.info("Purged {} expired idempotency records", purged);
                });
    }
}

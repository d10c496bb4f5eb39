package io.reach.identity.clerk;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.time.UtcTimes;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Daily, forgets webhook deliveries older than a week (far beyond the 5-minute replay window). */
@Configuration(proxyBeanMethods = false)
class WebhookDeliveryPurge {

    static final Duration KEPT = Duration.ofDays(7);

    @Bean
    RecurringTask<Void> webhookDeliveryPurgeTask(JdbcClient jdbc, Clock clock) {
        return Tasks.recurring("webhook-delivery-purge", FixedDelay.of(Duration.ofDays(1)))
                .execute((instance, context) -> jdbc.sql(
                                "delete from identity.webhook_deliveries where received_at < :before")
                        .param("before", UtcTimes.utc(clock.instant().minus(KEPT)))
                        .update());
    }
}

package io.reach.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.AllTenants;
import io.reach.platform.time.UtcTimes;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Daily, removes access records older than {@code reach.audit.access-logs.retention}, tenant by
 * tenant, through {@code audit.purge_access_logs} (the only way past the append-only trigger).
 */
@Component
@EnableConfigurationProperties(AccessLogSettings.class)
class AccessLogRetention {

    private static final Logger log = LoggerFactory.getLogger(AccessLogRetention.class);

    private final AllTenants allTenants;
    private final JdbcClient jdbc;
    private final AccessLogSettings settings;
    private final Clock clock;

    AccessLogRetention(AllTenants allTenants, JdbcClient jdbc, AccessLogSettings settings, Clock clock) {
        this.allTenants = allTenants;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Purges every tenant's expired access records; returns how many went. */
    int purge() {
        var before = UtcTimes.utc(clock.instant().minus(settings.retention()));
        int purged = allTenants.sumOverTenantsAndPlatform(tenant -> jdbc.sql("select audit.purge_access_logs(:before)")
                .param("before", before)
                .query(Integer.class)
                .single());
        log.info("Purged {} access records older than {}", purged, settings.retention());
        return purged;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> accessLogRetentionTask(AccessLogRetention retention) {
            return Tasks.recurring("access-log-retention", FixedDelay.of(Duration.ofDays(1)))
                    .execute((instance, context) -> retention.purge());
        }
    }
}

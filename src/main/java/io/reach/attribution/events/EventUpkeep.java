package io.reach.attribution.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.podcasts.Households;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the event stream within its limits, every six hours: the day partitions of the coming week
 * exist, those past the retention ({@code reach.attribution.retention}, two years; never under one)
 * are dropped, and each workspace's household keys older than its {@code household_days} (the
 * setting download measurement uses) are cleared — over the {@value #CLEARING_DAYS} days before that
 * cutoff, so an upkeep that could not run for a while still catches up.
 */
@Component
class EventUpkeep {

    static final int CLEARING_DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(EventUpkeep.class);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final Households households;
    private final Duration retention;
    private final Clock clock;

    EventUpkeep(
            JdbcClient jdbc,
            TenantTransactions transactions,
            TenantDirectory tenants,
            Households households,
            @Value("${reach.attribution.retention:730d}") Duration retention,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenants = tenants;
        this.households = households;
        this.retention = retention;
        this.clock = clock;
    }

    void run() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int dropped = transactions.inTransactionAs(TenantId.PLATFORM, () -> {
            jdbc.sql("select attribution.ensure_event_partitions(:first, :last)")
                    .param("first", today.minusDays(1))
                    .param("last", today.plusDays(7))
                    .query(Integer.class)
                    .single();
            return jdbc.sql("select attribution.drop_event_partitions(:before)")
                    .param("before", today.minusDays(Math.max(366, retention.toDays())))
                    .query(Integer.class)
                    .single();
        });
        long cleared = 0;
        for (TenantId tenant : tenants.allTenants()) {
            cleared += transactions.inTransactionAs(tenant, () -> clearHouseholds(today));
        }
        log.info("Attribution upkeep: {} old day partitions dropped, {} household keys cleared", dropped, cleared);
    }

    /** Clears the household keys of events older than the workspace keeps them. */
    long clearHouseholds(LocalDate today) {
        LocalDate cutoff = today.minusDays(households.householdDays());
        return jdbc.sql("""
                update attribution.events set household_key = null
                where occurred_at >= :from and occurred_at < :cutoff and household_key is not null""")
                .param("from", cutoff.minusDays(CLEARING_DAYS).atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("cutoff", cutoff.atStartOfDay().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> attributionUpkeepTask(EventUpkeep upkeep) {
            return Tasks.recurring("attribution-upkeep", FixedDelay.of(Duration.ofHours(6)))
                    .execute((instance, context) -> upkeep.run());
        }
    }
}

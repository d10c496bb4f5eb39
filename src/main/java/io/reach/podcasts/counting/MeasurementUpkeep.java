package io.reach.podcasts.counting;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
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
 * Keeps the request store within its limits: the day partitions of the coming week exist, those
 * past the retention ({@code reach.podcasts.retention}, two years) are dropped, and each workspace's
 * household keys older than its {@code household_days} are cleared from the requests and downloads
 * (listener keys, which rotate daily, stay: the counts do not need the household).
 */
@Component
class MeasurementUpkeep {

    private static final Logger log = LoggerFactory.getLogger(MeasurementUpkeep.class);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final MeasurementSettings settings;
    private final Duration retention;
    private final Clock clock;

    MeasurementUpkeep(
            JdbcClient jdbc,
            TenantTransactions transactions,
            TenantDirectory tenants,
            MeasurementSettings settings,
            @Value("${reach.podcasts.retention:730d}") Duration retention,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenants = tenants;
        this.settings = settings;
        this.retention = retention;
        this.clock = clock;
    }

    void run() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int dropped = transactions.inTransactionAs(TenantId.PLATFORM, () -> {
            jdbc.sql("select podcasts.ensure_listener_partitions(:first, :last)")
                    .param("first", today.minusDays(1))
                    .param("last", today.plusDays(7))
                    .query(Integer.class)
                    .single();
            return jdbc.sql("select podcasts.drop_listener_partitions(:before)")
                    .param("before", today.minusDays(Math.max(366, retention.toDays())))
                    .query(Integer.class)
                    .single();
        });
        long cleared = 0;
        for (TenantId tenant : tenants.allTenants()) {
            cleared += transactions.inTransactionAs(tenant, () -> clearHouseholds(today));
        }
        log.info(
                "Podcast measurement upkeep: {} old day partitions dropped, {} household keys cleared",
                dropped,
                cleared);
    }

    /** Clears the household keys of the days past the workspace's household retention not cleared yet. */
    long clearHouseholds(LocalDate today) {
        MeasurementSettings.Settings current = settings.current();
        LocalDate cutoff = today.minusDays(current.householdDays());
        LocalDate from = current.householdsClearedBefore() == null
                ? today.minusDays(Math.max(366, retention.toDays()) + 1)
                : current.householdsClearedBefore();
        if (!from.isBefore(cutoff)) {
            return 0;
        }
        long cleared = jdbc.sql("""
                update podcasts.listener_events set household_key = null
                where occurred_at >= :from and occurred_at < :cutoff and household_key is not null""")
                .param("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("cutoff", cutoff.atStartOfDay().atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("update podcasts.downloads set household_keys = null where day >= :from and day < :cutoff"
                        + " and household_keys is not null")
                .param("from", from)
                .param("cutoff", cutoff)
                .update();
        settings.save(
                new MeasurementSettings.Settings(
                        current.countingWindow(), current.spikeRequestsPerHour(), current.householdDays(), cutoff),
                clock.instant());
        return cleared;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> podcastMeasurementUpkeepTask(MeasurementUpkeep upkeep) {
            return Tasks.recurring("podcast-measurement-upkeep", FixedDelay.of(Duration.ofHours(6)))
                    .execute((instance, context) -> upkeep.run());
        }
    }
}

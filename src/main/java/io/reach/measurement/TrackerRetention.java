package io.reach.measurement;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.tenancy.TenantManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-tenant retention of raw events: a tenant whose setting {@code retention_days} is shorter
 * than the installation's ({@code reach.measurement.retention}, after which whole partitions are
 * dropped) has its older events and sessions deleted, one day per transaction. Rollups, which
 * hold no visitor's data, are kept. E-mail engagements ({@link EngagementEvents}) older than the
 * tenant's (or else the installation's) retention are deleted too.
 */
@Component
class TrackerRetention {

    private static final Logger log = LoggerFactory.getLogger(TrackerRetention.class);

    private final JdbcClient jdbc;
    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final TenantManagement tenants;
    private final Duration installationRetention;
    private final Clock clock;

    TrackerRetention(
            JdbcClient jdbc,
            TenantDirectory directory,
            TenantTransactions transactions,
            TenantManagement tenants,
            @Value("${reach.measurement.retention:730d}") Duration installationRetention,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.transactions = transactions;
        this.tenants = tenants;
        this.installationRetention = installationRetention;
        this.clock = clock;
    }

    /** Deletes every tenant's events past its own retention; returns how many events were deleted. */
    int expire() {
        int deleted = 0;
        for (TenantId tenant : directory.allTenants()) {
            Optional<Long> days = retention(tenant);
            if (days.isPresent()) {
                deleted += expire(tenant, clock.instant().minus(days.get(), ChronoUnit.DAYS));
            }
            // e-mail engagements are not partitioned: they go after the same time, the tenant's or the installation's
            Instant engagements = clock.instant().minus(days.orElse(installationRetention.toDays()), ChronoUnit.DAYS);
            transactions.inTransactionAs(
                    tenant,
                    () -> jdbc.sql("delete from measurement.engagements where created_at < :cutoff")
                            .param("cutoff", utc(engagements))
                            .update());
        }
        return deleted;
    }

    /** The tenant's retention in days when it is set and shorter than the installation's. */
    private Optional<Long> retention(TenantId tenant) {
        Object setting = tenants.settingsOf(tenant).get("retention_days");
        if (!(setting instanceof Number days) || days.longValue() < 1) {
            if (setting != null) {
                log.warn(
                        "Tenant {}: retention_days {} is not a positive number of days; the installation's applies",
                        tenant.value(),
                        setting);
            }
            return Optional.empty();
        }
        return days.longValue() < installationRetention.toDays() ? Optional.of(days.longValue()) : Optional.empty();
    }

    private int expire(TenantId tenant, Instant cutoff) {
        int deleted = 0;
        Optional<Instant> oldest = transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql("select min(created_at) from measurement.trackers")
                        .query(OffsetDateTime.class)
                        .optional()
                        .map(OffsetDateTime::toInstant));
        for (Instant day = oldest.orElse(cutoff).truncatedTo(ChronoUnit.DAYS);
                day.isBefore(cutoff);
                day = day.plus(1, ChronoUnit.DAYS)) {
            Instant from = day;
            Instant to = day.plus(1, ChronoUnit.DAYS).isBefore(cutoff) ? day.plus(1, ChronoUnit.DAYS) : cutoff;
            int events = transactions.inTransactionAs(
                    tenant,
                    () -> jdbc.sql("delete from measurement.trackers where created_at >= :from and created_at < :to")
                            .param("from", utc(from))
                            .param("to", utc(to))
                            .update());
            deleted += events;
            log.debug("Retention for tenant {}: {} events of {} deleted", tenant.value(), events, from);
        }
        int sessions = transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql("delete from measurement.sessions where ended_at < :cutoff")
                        .param("cutoff", utc(cutoff))
                        .update());
        if (deleted + sessions > 0) {
            log.info(
                    "Retention for tenant {}: {} events and {} sessions before {} deleted",
                    tenant.value(),
                    deleted,
                    sessions,
                    cutoff);
        }
        return deleted;
    }
}

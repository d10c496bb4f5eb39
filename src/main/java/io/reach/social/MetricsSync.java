package io.reach.social;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a metrics snapshot of every active account whose platform reports counts, tenant by
 * tenant, and keeps the account's follower and following counts current. An account whose
 * platform does not answer is skipped this round (and logged), not failed.
 */
@Component
class MetricsSync {

    private static final Logger log = LoggerFactory.getLogger(MetricsSync.class);
    private static final String ACTIVE = "select id from social.social_accounts where status = 'active'";
    private static final String SNAPSHOT = """
            insert into social.metrics_snapshots (tenant_id, id, social_account_id, captured_at, followers_count,
                following_count, posts_count, extra_data)
            values (:tenant, :id, :accountId, :now, :followers, :following, :posts, :extra::jsonb)""";
    private static final String CURRENT = """
            update social.social_accounts set follower_count = :followers, following_count = :following, last_sync_at = :now
            where id = :accountId""";

    private final List<SocialProvider> providers;
    private final SocialAccounts accounts;
    private final AllTenants allTenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Ids ids;
    private final Clock clock;

    MetricsSync(List<SocialProvider> providers, SocialAccounts accounts, AllTenants allTenants,
            TenantTransactions transactions, JdbcClient jdbc, JsonMapper json, Ids ids, Clock clock) {
        this.providers = providers;
        this.accounts = accounts;
        this.allTenants = allTenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
    }

    int syncAll() {
        int taken = allTenants.sumOverTenantsAndPlatform(tenant -> {
            int count = 0;
            for (UUID account : jdbc.sql(ACTIVE).query(UUID.class).list()) {
                count += snapshot(account) ? 1 : 0;
            }
            return count;
        });
        log.info("Took {} social metrics snapshots", taken);
        return taken;
    }

    private boolean snapshot(UUID accountId) {
        try {
            var credentials = accounts.credentials(accountId).orElse(null);
            if (credentials == null) {
                return false;
            }
            var metrics = providers.stream().filter(p -> p.platform().equals(credentials.platform()) && p.isConfigured())
                    .findFirst().flatMap(provider -> provider.metrics(credentials.account()));
            if (metrics.isEmpty()) {
                return false;
            }
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            transactions.inTransaction(() -> {
                jdbc.sql(SNAPSHOT).param("tenant", TenantContext.require().value()).param("id", ids.next())
                        .param("accountId", accountId).param("now", now).param("followers", metrics.get().followers())
                        .param("following", metrics.get().following()).param("posts", metrics.get().posts())
                        .param("extra", json.writeValueAsString(metrics.get().extra())).update();
                return jdbc.sql(CURRENT).param("followers", metrics.get().followers())
                        .param("following", metrics.get().following()).param("now", now).param("accountId", accountId)
                        .update();
            });
            return true;
        } catch (RuntimeException e) {
            log.warn("Metrics of social account {} not taken this round: {}", accountId, e.getMessage());
            return false;
        }
    }

    /** Snapshots of one account between two instants, oldest first. */
    record Snapshot(Instant capturedAt, long followersCount, long followingCount, long postsCount, long reach,
            long impressions, long engagementCount, long profileViews) {
    }

    List<Snapshot> snapshots(UUID accountId, Instant from, Instant to) {
        return jdbc.sql("""
                select captured_at, followers_count, following_count, posts_count, reach, impressions, engagement_count,
                       profile_views
                from social.metrics_snapshots where social_account_id = :id and captured_at >= :from and captured_at < :to
                order by captured_at""").param("id", accountId).param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC)).query(Snapshot.class).list();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> socialMetricsSyncTask(MetricsSync sync,
                @Value("${reach.social.metrics-interval:6h}") Duration interval) {
            return Tasks.recurring("social-metrics-sync", FixedDelay.of(interval))
                    .execute((instance, context) -> sync.syncAll());
        }
    }
}

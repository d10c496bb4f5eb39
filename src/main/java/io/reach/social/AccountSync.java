package io.reach.social;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.time.UtcTimes;
import io.reach.social.platform.PlatformAdapters;
import io.reach.social.platform.SocialProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Syncs each active account's analytics from its platform when it is due (its own
 * {@code sync_interval_minutes}, else {@code reach.social.sync-interval}): a metrics snapshot,
 * follower changes, the recent posts ranked into top content, and audience insights. Each part
 * is asked separately, so a platform that cannot give one still gives the others, and an account
 * whose platform does not answer is skipped this round (and logged). Platform calls happen
 * outside database transactions.
 */
@Component
class AccountSync {

    private static final Logger log = LoggerFactory.getLogger(AccountSync.class);
    private static final String DUE = """
            select id from social.social_accounts
            where status = 'active'
              and (last_sync_at is null or last_sync_at
                   < :now - make_interval(mins => coalesce(sync_interval_minutes, :defaultMinutes)))""";

    private final PlatformAdapters adapters;
    private final SocialAccounts accounts;
    private final MetricsSnapshots snapshots;
    private final FollowerChanges followerChanges;
    private final ContentInsights insights;
    private final AllTenants allTenants;
    private final TenantTransactions transactions;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Duration interval;
    private final Clock clock;

    AccountSync(
            PlatformAdapters adapters,
            SocialAccounts accounts,
            MetricsSnapshots snapshots,
            FollowerChanges followerChanges,
            ContentInsights insights,
            AllTenants allTenants,
            TenantTransactions transactions,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            @Value("${reach.social.sync-interval:6h}") Duration interval,
            Clock clock) {
        this.adapters = adapters;
        this.accounts = accounts;
        this.snapshots = snapshots;
        this.followerChanges = followerChanges;
        this.insights = insights;
        this.allTenants = allTenants;
        this.transactions = transactions;
        this.events = events;
        this.jdbc = jdbc;
        this.interval = interval;
        this.clock = clock;
    }

    private record Due(TenantId tenant, UUID account) {}

    /** Syncs every account that is due; returns how many were synced. */
    int syncDue() {
        List<Due> due = new ArrayList<>();
        OffsetDateTime now = UtcTimes.utc(clock.instant());
        allTenants.sumOverTenantsAndPlatform(tenant -> {
            jdbc.sql(DUE)
                    .param("now", now)
                    .param("defaultMinutes", (int) interval.toMinutes())
                    .query(UUID.class)
                    .list()
                    .forEach(account -> due.add(new Due(tenant, account)));
            return 0;
        });
        int synced = 0;
        for (Due account : due) {
            try {
                synced += sync(account.tenant(), account.account()) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Social account {} not synced this round: {}", account.account(), e.toString());
            }
            log.info("Social account sync: {} of {} accounts done", synced, due.size());
        }
        return synced;
    }

    /** Syncs one account of {@code tenant} now; false when it has no usable token or its platform is not configured. */
    boolean sync(TenantId tenant, UUID accountId) {
        var credentials = transactions
                .inTransactionAs(tenant, () -> accounts.credentials(accountId))
                .orElse(null);
        if (credentials == null || !AccountStatus.isActive(credentials.status())) {
            return false;
        }
        var provider = adapters.configured(credentials.platform()).orElse(null);
        if (provider == null) {
            return false;
        }
        SocialProvider.Account account = credentials.account();
        try {
            var metrics = fetch(accountId, "metrics", () -> provider.metrics(account));
            metrics.ifPresent(counts -> store(tenant, credentials, counts));
            Long followerCount = metrics.map(SocialProvider.Metrics::followers).orElse(null);
            boolean followers = fetch(
                            accountId,
                            "followers",
                            () -> provider.followers(account)
                                    .map(list -> transactions.inTransactionAs(
                                            tenant,
                                            () -> followerChanges.compare(
                                                    accountId, list, followerCount, clock.instant()))))
                    .isPresent();
            boolean content = fetch(
                            accountId,
                            "content",
                            () -> Optional.of(provider.recentContent(account, 50))
                                    .filter(posts -> !posts.isEmpty())
                                    .map(posts -> transactions.inTransactionAs(tenant, () -> {
                                        insights.storeContent(accountId, posts, clock.instant());
                                        return posts.size();
                                    })))
                    .isPresent();
            boolean audience = fetch(
                            accountId,
                            "audience",
                            () -> provider.audience(account)
                                    .map(insight -> transactions.inTransactionAs(tenant, () -> {
                                        insights.storeAudience(accountId, insight);
                                        return insight.date();
                                    })))
                    .isPresent();
            return metrics.isPresent() || followers || content || audience;
        } finally {
            transactions.inTransactionAs(tenant, () -> accounts.markSynced(accountId, clock.instant()));
        }
    }

    private void store(TenantId tenant, SocialAccounts.Credentials credentials, SocialProvider.Metrics metrics) {
        transactions.inTransactionAs(tenant, () -> {
            Instant now = clock.instant();
            Long before = snapshots.take(credentials.id(), metrics, now);
            if (before != null && before != metrics.followers()) {
                events.publishEvent(new FollowersChanged(
                        tenant.value(), credentials.id(), credentials.platform(), before, metrics.followers(), now));
            }
        });
    }

    /** One part of a sync (asking the platform and storing the answer); a failure skips the part (logged), the others go on. */
    private <T> Optional<T> fetch(UUID accountId, String what, java.util.function.Supplier<Optional<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            log.warn("Social account {}: {} not synced this round: {}", accountId, what, e.getMessage());
            return Optional.empty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> socialAccountSyncTask(
                AccountSync sync, @Value("${reach.social.sync-check-interval:5m}") Duration check) {
            return Tasks.recurring("social-account-sync", FixedDelay.of(check))
                    .execute((instance, context) -> sync.syncDue());
        }
    }
}

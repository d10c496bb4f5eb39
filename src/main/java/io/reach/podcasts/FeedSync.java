package io.reach.podcasts;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Keeps imported feeds in sync and their episodes measured, in the background: every
 * {@code reach.podcasts.feed-sync-interval} (an hour by default) each feed not synced for that long
 * is fetched again conditionally (an unchanged feed costs one 304), and after every import — by the
 * API, the console or the sync ({@link PodcastCatalog#importFeed} queues it) — the podcast's episodes
 * without a threshold are measured
 * ({@value #MEASURED_PER_RUN} at a time; an unreachable file is tried again a day later), each step
 * in the log.
 */
@Component
class FeedSync {

    static final int MEASURED_PER_RUN = 25;
    private static final Logger log = LoggerFactory.getLogger(FeedSync.class);
    static final TaskDescriptor<String> MEASURE = TaskDescriptor.of("podcast-audio-measure", String.class);

    private final PodcastCatalog catalog;
    private final Podcasts podcasts;
    private final Episodes episodes;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final Duration interval;
    private final Clock clock;

    FeedSync(
            PodcastCatalog catalog,
            Podcasts podcasts,
            Episodes episodes,
            TenantTransactions transactions,
            TenantDirectory tenants,
            @Value("${reach.podcasts.feed-sync-interval:1h}") Duration interval,
            Clock clock) {
        this.catalog = catalog;
        this.podcasts = podcasts;
        this.episodes = episodes;
        this.transactions = transactions;
        this.tenants = tenants;
        this.interval = interval;
        this.clock = clock;
    }

    /** Syncs every workspace's feeds that are due; returns how many feeds were fetched. */
    int syncDue() {
        int fetched = 0;
        for (TenantId tenant : tenants.allTenants()) {
            List<Podcast> due = transactions.inTransactionAs(
                    tenant, () -> podcasts.dueForSync(clock.instant().minus(interval), 100));
            for (Podcast podcast : due) {
                String feed = podcast.rssFeedUrl();
                if (feed == null) {
                    continue;
                }
                try {
                    PodcastCatalog.Imported imported = TenantContext.callAs(tenant, () -> catalog.importFrom(feed));
                    fetched++;
                    log.info(
                            "Feed of podcast {} (tenant {}) synced: {}",
                            podcast.id(),
                            tenant.value(),
                            imported.unchanged()
                                    ? "unchanged"
                                    : imported.episodesCreated() + " episodes added, " + imported.episodesUpdated()
                                            + " refreshed");
                } catch (RuntimeException e) {
                    log.warn(
                            "Feed of podcast {} (tenant {}) could not be synced: {}",
                            podcast.id(),
                            tenant.value(),
                            e.getMessage());
                    transactions.inTransactionAs(tenant, () -> podcasts.synced(podcast.id(), clock.instant()));
                }
            }
        }
        return fetched;
    }

    /** Measures up to {@value #MEASURED_PER_RUN} of the podcast's episodes that have audio but no threshold. */
    int measure(TenantId tenant, UUID podcast) {
        List<UUID> due = transactions.inTransactionAs(
                tenant, () -> episodes.unmeasured(podcast, clock.instant(), MEASURED_PER_RUN));
        int measured = 0;
        for (UUID episode : due) {
            try {
                TenantContext.callAs(tenant, () -> catalog.measureAudio(episode));
                measured++;
            } catch (RuntimeException e) {
                log.info(
                        "Audio of episode {} (tenant {}) could not be measured: {}",
                        episode,
                        tenant.value(),
                        e.getMessage());
                transactions.inTransactionAs(tenant, () -> episodes.audioUnreachable(episode, clock.instant()));
            }
        }
        if (!due.isEmpty()) {
            log.info(
                    "Audio of podcast {} (tenant {}): {} of {} episodes measured",
                    podcast,
                    tenant.value(),
                    measured,
                    due.size());
        }
        return measured;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> podcastFeedSyncTask(
                FeedSync sync, @Value("${reach.podcasts.feed-sync-interval:1h}") Duration interval) {
            return Tasks.recurring("podcast-feed-sync", FixedDelay.of(interval))
                    .execute((instance, context) -> sync.syncDue());
        }

        @Bean
        OneTimeTask<String> podcastAudioMeasureTask(FeedSync sync) {
            return Tasks.oneTime(MEASURE).execute((instance, context) -> {
                String[] parts = instance.getData().split(":");
                sync.measure(TenantId.of(UUID.fromString(parts[0])), UUID.fromString(parts[1]));
            });
        }
    }
}

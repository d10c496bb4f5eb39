package io.reach.publishing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.reach.platform.tenant.AllTenants;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.publishing.automation.InboundEvents;
import io.reach.social.FollowersChanged;
import io.reach.social.SocialActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Keeps the events automations feed on coming when platforms do not send them: measures the
 * engagement of posts published in the last {@code engagement-window} (a {@code post_engagement}
 * event when likes grew), polls platforms without webhooks for new comments and mentions, and
 * files follower-count changes from account syncs as {@code followers_changed} events.
 */
@Component
class EngagementTracking {

    private static final Logger log = LoggerFactory.getLogger(EngagementTracking.class);

    private final SocialPosts posts;
    private final InboundEvents events;
    private final SocialActivity social;
    private final AllTenants allTenants;
    private final TenantTransactions transactions;
    private final Duration window;
    private final Duration pollLookback;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;

    EngagementTracking(
            SocialPosts posts,
            InboundEvents events,
            SocialActivity social,
            AllTenants allTenants,
            TenantTransactions transactions,
            @Value("${reach.publishing.engagement-window:30d}") Duration window,
            @Value("${reach.publishing.poll-lookback:24h}") Duration pollLookback,
            Clock clock,
            tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.posts = posts;
        this.events = events;
        this.social = social;
        this.allTenants = allTenants;
        this.transactions = transactions;
        this.window = window;
        this.pollLookback = pollLookback;
        this.clock = clock;
    }

    private record Work<T>(TenantId tenant, T item) {}

    /** Measures every recent post; returns how many were measured. */
    int measureRecentPosts() {
        List<Work<SocialPosts.SocialPost>> recent = new ArrayList<>();
        allTenants.sumOverTenantsAndPlatform(tenant -> {
            posts.publishedSince(clock.instant().minus(window)).forEach(post -> recent.add(new Work<>(tenant, post)));
            return 0;
        });
        int measured = 0;
        for (var work : recent) {
            measured += measure(work.tenant(), work.item()) ? 1 : 0;
        }
        log.info("Engagement: {} of {} recent posts measured", measured, recent.size());
        return measured;
    }

    private boolean measure(TenantId tenant, SocialPosts.SocialPost post) {
        try {
            var counts =
                    TenantContext.callAs(tenant, () -> social.counts(post.socialAccountId(), post.externalPostId()));
            if (counts.isEmpty()) {
                return false;
            }
            var c = counts.get();
            Instant now = clock.instant();
            transactions.inTransactionAs(tenant, () -> {
                long likesBefore = posts.measure(
                                post.id(),
                                Map.of(
                                        "like",
                                        c.likes(),
                                        "comment",
                                        c.comments(),
                                        "share",
                                        c.shares(),
                                        "save",
                                        c.saves(),
                                        "reach",
                                        c.reach(),
                                        "impression",
                                        c.impressions()),
                                now)
                        .orElse(0L);
                if (c.likes() > likesBefore) {
                    var payload = JsonNodeFactory.instance
                            .objectNode()
                            .put("external_post_id", post.externalPostId())
                            .put("social_post_id", post.id().toString())
                            .put("likes_before", likesBefore)
                            .put("likes_after", c.likes());
                    events.store(
                            platformOf(post),
                            "post_engagement",
                            payload.toString(),
                            "likes:" + post.externalPostId() + ":" + c.likes(),
                            post.socialAccountId(),
                            now);
                }
            });
            return true;
        } catch (RuntimeException e) {
            log.warn("Engagement of social post {} not measured this round: {}", post.id(), e.getMessage());
            return false;
        }
    }

    private static String platformOf(SocialPosts.SocialPost post) {
        return post.metadata().path("platform").asString("unknown");
    }

    /** Polls every active account's platform for recent events; returns how many new events were stored. */
    int pollPlatforms() {
        List<Work<SocialActivity.ActiveAccount>> active = new ArrayList<>();
        allTenants.sumOverTenantsAndPlatform(tenant -> {
            social.activeAccounts().forEach(account -> active.add(new Work<>(tenant, account)));
            return 0;
        });
        int stored = 0;
        for (var work : active) {
            stored += poll(work.tenant(), work.item());
        }
        log.info("Polling: {} new events from {} accounts", stored, active.size());
        return stored;
    }

    private int poll(TenantId tenant, SocialActivity.ActiveAccount account) {
        try {
            var found = TenantContext.callAs(tenant, () -> social.poll(account, pollLookback));
            return transactions.inTransactionAs(tenant, () -> (int) found.stream()
                    .filter(event -> events.store(
                            account.platform(),
                            event.type(),
                            json.writeValueAsString(event.payload()),
                            event.externalId(),
                            account.id(),
                            clock.instant()))
                    .count());
        } catch (RuntimeException e) {
            log.debug("Account {} not polled: {}", account.id(), e.getMessage());
            return 0;
        }
    }

    /**
     * A sync saw the follower count change: filed as an event, so follower milestones can be noticed.
     * Delivered through the event publication registry once the sync's transaction has committed, on
     * another thread: the listener opens the event's tenant transaction itself (no transaction of its
     * own, so a delivery never holds two connections). A redelivery (after a crash, on restart) files
     * nothing twice: the event's external id is the account and the moment of the change.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(FollowersChanged change) {
        var payload = JsonNodeFactory.instance
                .objectNode()
                .put("before", change.before())
                .put("after", change.after());
        transactions.inTransactionAs(
                TenantId.of(change.tenantId()),
                () -> events.store(
                        change.platform(),
                        "followers_changed",
                        payload.toString(),
                        "followers:" + change.socialAccountId() + ":"
                                + change.at().toEpochMilli(),
                        change.socialAccountId(),
                        change.at()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> engagementTask(
                EngagementTracking tracking, @Value("${reach.publishing.engagement-interval:1h}") Duration interval) {
            return Tasks.recurring("social-engagement", FixedDelay.of(interval))
                    .execute((instance, context) -> tracking.measureRecentPosts());
        }

        @Bean
        RecurringTask<Void> eventPollTask(
                EngagementTracking tracking, @Value("${reach.publishing.poll-interval:5m}") Duration interval) {
            return Tasks.recurring("social-event-poll", FixedDelay.of(interval))
                    .execute((instance, context) -> tracking.pollPlatforms());
        }
    }
}

package io.reach.social;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A connected account's analytics as the workspace reads them (snapshots, trends, followers, top
 * content, audience) and its sync: every read is of an account of the workspace (else 404), over a
 * window of the last 30 days unless given, and a series is at most {@link #MAX_PERIODS} periods long.
 */
@Service
class AccountAnalytics {

    /** The longest series answered in one page (a trend's days or weeks, audience days). */
    static final int MAX_PERIODS = 2000;

    /** Whether a sync reached the platform, and when it ran. */
    record SyncOutcome(boolean synced, Instant syncedAt) {}

    private final SocialAccounts accounts;
    private final MetricsSnapshots snapshots;
    private final FollowerChanges followerChanges;
    private final ContentInsights insights;
    private final AccountSync sync;
    private final TenantTransactions transactions;
    private final Clock clock;

    AccountAnalytics(
            SocialAccounts accounts,
            MetricsSnapshots snapshots,
            FollowerChanges followerChanges,
            ContentInsights insights,
            AccountSync sync,
            TenantTransactions transactions,
            Clock clock) {
        this.accounts = accounts;
        this.snapshots = snapshots;
        this.followerChanges = followerChanges;
        this.insights = insights;
        this.sync = sync;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Metrics snapshots of the window, oldest first. */
    CursorPage<MetricsSnapshots.Snapshot> metrics(UUID id, TimeWindow window, PageRequest page) {
        return ofAccount(
                id,
                () -> CursorPage.of(
                        snapshots.between(
                                id, window.from(), window.to(), page.after().orElse(null), page.fetchSize()),
                        page,
                        MetricsSnapshots.Snapshot::id));
    }

    /** Every day or week (UTC) of the window; refused beyond {@link #MAX_PERIODS} periods. */
    List<MetricsSnapshots.TrendPoint> trend(UUID id, TimeWindow window, String interval) {
        if (!interval.equals("day") && !interval.equals("week")) {
            throw new BadRequestException("Invalid interval", "interval is day or week");
        }
        if (Duration.between(window.from(), window.to()).toDays() / (interval.equals("week") ? 7 : 1) >= MAX_PERIODS) {
            throw new BadRequestException(
                    "Too many periods",
                    "A time series has at most " + MAX_PERIODS + " periods; interval=" + interval
                            + " over this window gives more: choose interval=week or a shorter window");
        }
        return ofAccount(id, () -> snapshots.trend(id, window.from(), window.to(), interval));
    }

    /** New followers and unfollowers (type null: both) of the window, newest first. */
    CursorPage<FollowerChanges.Change> followers(
            UUID id, @Nullable String changeType, TimeWindow window, PageRequest page) {
        return ofAccount(
                id,
                () -> CursorPage.of(
                        followerChanges.between(
                                id, window.from(), window.to(), changeType, page.beforeOrEnd(), page.fetchSize()),
                        page,
                        FollowerChanges.Change::id));
    }

    /** The best posts by engagement rate in the window, 1 to 100 (default 10). */
    List<ContentInsights.TopPost> topContent(UUID id, TimeWindow window, @Nullable Integer limit) {
        int size = limit == null ? 10 : limit;
        if (size < 1 || size > 100) {
            throw new BadRequestException("Invalid limit", "limit must be between 1 and 100");
        }
        return ofAccount(id, () -> insights.top(id, window.from(), window.to(), size));
    }

    /** Audience insights per day of [from, to] (defaults: the 30 days to today, UTC), at most {@link #MAX_PERIODS} days. */
    List<ContentInsights.Insight> audience(UUID id, @Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate end = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        if (start.isAfter(end) || start.getYear() < 1970 || end.getYear() > 9999) {
            throw new BadRequestException("Invalid window", "from must not be after to, both between 1970 and 9999");
        }
        if (start.plusDays(MAX_PERIODS).isBefore(end)) {
            throw new BadRequestException(
                    "Too many periods",
                    "Audience insights cover at most " + MAX_PERIODS + " days: choose a shorter window");
        }
        return ofAccount(id, () -> insights.audience(id, start, end));
    }

    /** Syncs the account's analytics from its platform now. */
    SyncOutcome syncNow(UUID id) {
        ofAccount(id, () -> null);
        boolean synced = sync.sync(TenantContext.require(), id);
        return new SyncOutcome(synced, clock.instant());
    }

    /** How often the account is synced, in minutes (null: the installation default). */
    void setSyncInterval(UUID id, @Nullable Integer minutes) {
        ofAccount(id, () -> accounts.setSyncInterval(id, minutes, clock.instant()));
    }

    private <T> T ofAccount(UUID id, Supplier<T> read) {
        return transactions.inTransaction(() -> {
            accounts.find(id).orElseThrow(() -> SocialAccountNotFound.forId(id));
            return read.get();
        });
    }
}

package io.reach.social;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TabularAnswer;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * An account's analytics over time: metrics and their trend, follower changes, top content, audience
 * (as JSON or CSV, see {@link TabularAnswer}); and its sync.
 */
@RestController
@RequestMapping("/api/v1/social/accounts/{id}")
@SecurityRequirement(name = "bearer")
@Tag(name = "Social analytics")
class SocialAnalyticsController {

    private static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    /** The longest series answered in one page (a trend's days or weeks, audience days). */
    static final int MAX_PERIODS = 2000;

    private final SocialAccounts accounts;
    private final MetricsSnapshots snapshots;
    private final FollowerChanges followerChanges;
    private final ContentInsights insights;
    private final AccountSync sync;
    private final TenantTransactions transactions;
    private final Clock clock;

    SocialAnalyticsController(SocialAccounts accounts, MetricsSnapshots snapshots, FollowerChanges followerChanges,
            ContentInsights insights, AccountSync sync, TenantTransactions transactions, Clock clock) {
        this.accounts = accounts;
        this.snapshots = snapshots;
        this.followerChanges = followerChanges;
        this.insights = insights;
        this.sync = sync;
        this.transactions = transactions;
        this.clock = clock;
    }

    @GetMapping(path = "/metrics", produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @Operation(summary = "Metrics snapshots between from and to (default: the last 30 days), oldest first, in pages")
    ResponseEntity<?> metrics(@PathVariable UUID id, @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @Parameter(description = TabularAnswer.FORMAT) @RequestParam(required = false) @Nullable String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        TabularAnswer answer = TabularAnswer.asked(format, accept);
        PageRequest page = PageRequest.of(limit, cursor);
        TimeWindow window = TimeWindow.recent(from, to, DEFAULT_SPAN, clock.instant());
        return answer.of(ofAccount(id, () -> CursorPage.of(snapshots.between(id, window.from(), window.to(),
                page.after().orElse(null), page.fetchSize()), page, MetricsSnapshots.Snapshot::id)),
                AnalyticsTables.SNAPSHOT, AnalyticsTables::snapshot, "metrics");
    }

    @GetMapping(path = "/metrics/trend", produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @Operation(summary = "Metrics per day or week (interval=day|week, UTC), every period from from to to (one page, "
            + "at most 2000 periods; a period without snapshots sums to zero): counts at the period's end, followers "
            + "gained, sums")
    ResponseEntity<?> trend(@PathVariable UUID id, @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false, defaultValue = "day") String interval,
            @Parameter(description = TabularAnswer.FORMAT) @RequestParam(required = false) @Nullable String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        TabularAnswer answer = TabularAnswer.asked(format, accept);
        if (!interval.equals("day") && !interval.equals("week")) {
            throw new BadRequestException("Invalid interval", "interval is day or week");
        }
        TimeWindow window = TimeWindow.recent(from, to, DEFAULT_SPAN, clock.instant());
        if (Duration.between(window.from(), window.to()).toDays() / (interval.equals("week") ? 7 : 1) >= MAX_PERIODS) {
            throw new BadRequestException("Too many periods", "A time series has at most " + MAX_PERIODS
                    + " periods; interval=" + interval + " over this window gives more: choose interval=week or a shorter window");
        }
        return answer.of(CursorPage.whole(ofAccount(id, () -> snapshots.trend(id, window.from(), window.to(), interval))),
                AnalyticsTables.TREND, AnalyticsTables::trend, "trend");
    }

    @GetMapping("/followers")
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @Operation(summary = "New followers and unfollowers (change_type), newest first, between from and to")
    CursorPage<FollowerChanges.Change> followers(@PathVariable UUID id,
            @RequestParam(name = "change_type", required = false) @Nullable String changeType,
            @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        if (changeType != null && FollowerChangeType.ofCode(changeType).isEmpty()) {
            throw new BadRequestException("Invalid change_type", "change_type is new_follower or unfollower");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        TimeWindow window = TimeWindow.unbounded(from, to);
        return ofAccount(id, () -> CursorPage.of(followerChanges.between(id, window.from(), window.to(), changeType,
                page.beforeOrEnd(), page.fetchSize()), page, FollowerChanges.Change::id));
    }

    @GetMapping(path = "/top-content", produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @Operation(summary = "Posts published between from and to, highest engagement rate first "
            + "((likes + comments + shares + saves) / reach × 100); one page of at most limit posts")
    ResponseEntity<?> topContent(@PathVariable UUID id, @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = TabularAnswer.FORMAT) @RequestParam(required = false) @Nullable String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        TabularAnswer answer = TabularAnswer.asked(format, accept);
        int size = limit == null ? 10 : limit;
        if (size < 1 || size > 100) {
            throw new BadRequestException("Invalid limit", "limit must be between 1 and 100");
        }
        TimeWindow window = TimeWindow.recent(from, to, Duration.ofDays(90), clock.instant());
        return answer.of(CursorPage.whole(ofAccount(id, () -> insights.top(id, window.from(), window.to(), size))),
                AnalyticsTables.TOP_POST, AnalyticsTables::topPost, "top-content");
    }

    @GetMapping(path = "/audience", produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @Operation(summary = "Audience insights (ages, genders, countries, cities, active hours and days) per day with data, "
            + "oldest first (one page; at most 2000 days between from and to)")
    ResponseEntity<?> audience(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @Parameter(description = TabularAnswer.FORMAT) @RequestParam(required = false) @Nullable String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        TabularAnswer answer = TabularAnswer.asked(format, accept);
        LocalDate end = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        if (start.isAfter(end) || start.getYear() < 1970 || end.getYear() > 9999) {
            throw new BadRequestException("Invalid window", "from must not be after to, both between 1970 and 9999");
        }
        if (start.plusDays(MAX_PERIODS).isBefore(end)) {
            throw new BadRequestException("Too many periods", "Audience insights cover at most " + MAX_PERIODS
                    + " days: choose a shorter window");
        }
        return answer.of(CursorPage.whole(ofAccount(id, () -> insights.audience(id, start, end))),
                AnalyticsTables.AUDIENCE, AnalyticsTables::audience, "audience");
    }

    @PostMapping("/sync")
    @RequiresPermission(resource = "social_accounts", action = "write", idVariable = "id")
    @Operation(summary = "Sync the account's analytics from its platform now")
    Map<String, Object> syncNow(@PathVariable UUID id) {
        ofAccount(id, () -> null);
        boolean synced = sync.sync(TenantContext.require(), id);
        return Map.of("synced", synced, "synced_at", clock.instant());
    }

    record SyncSettings(@Min(15) @Max(10080) @Nullable Integer intervalMinutes) {
    }

    @PutMapping("/sync-settings")
    @RequiresPermission(resource = "social_accounts", action = "write", idVariable = "id")
    @Operation(summary = "How often the account is synced, in minutes (15 to 10080; null: the installation default)")
    SyncSettings syncSettings(@PathVariable UUID id, @Valid @RequestBody SyncSettings settings) {
        ofAccount(id, () -> accounts.setSyncInterval(id, settings.intervalMinutes(), clock.instant()));
        return settings;
    }

    private <T> T ofAccount(UUID id, java.util.function.Supplier<T> read) {
        return transactions.inTransaction(() -> {
            accounts.find(id).orElseThrow(() -> SocialAccountNotFound.forId(id));
            return read.get();
        });
    }
}

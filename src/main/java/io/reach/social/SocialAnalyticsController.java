package io.reach.social;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.RecentWindow;
import io.reach.platform.web.TabularAnswer;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's analytics over time: metrics and their trend, follower changes, top content, audience
 * (as JSON or CSV, see {@link TabularAnswer}); and its sync.
 */
@RestController
@RequestMapping("/api/v1/social/accounts/{id}")
@SecurityRequirement(name = "bearer")
@Tag(name = "Social analytics")
class SocialAnalyticsController {

    private final AccountAnalytics analytics;

    SocialAnalyticsController(AccountAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping(
            path = "/metrics",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @Operation(summary = "Metrics snapshots between from and to (default: the last 30 days), oldest first, in pages")
    ResponseEntity<?> metrics(
            @PathVariable UUID id, @RecentWindow(days = 30) TimeWindow window, PageRequest page, TabularAnswer answer) {
        return answer.of(
                analytics.metrics(id, window, page), AnalyticsTables.SNAPSHOT, AnalyticsTables::snapshot, "metrics");
    }

    @GetMapping(
            path = "/metrics/trend",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @Operation(
            summary = "Metrics per day or week (interval=day|week, UTC), every period from from to to (one page, "
                    + "at most 2000 periods; a period without snapshots sums to zero): counts at the period's end, followers "
                    + "gained, sums")
    ResponseEntity<?> trend(
            @PathVariable UUID id,
            @RecentWindow(days = 30) TimeWindow window,
            @RequestParam(required = false, defaultValue = "day") String interval,
            TabularAnswer answer) {
        return answer.of(
                CursorPage.whole(analytics.trend(id, window, interval)),
                AnalyticsTables.TREND,
                AnalyticsTables::trend,
                "trend");
    }

    @GetMapping("/followers")
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @Operation(summary = "New followers and unfollowers (change_type), newest first, between from and to")
    CursorPage<FollowerChanges.Change> followers(
            @PathVariable UUID id,
            @RequestParam(name = "change_type", required = false) @Nullable String changeType,
            TimeWindow window,
            PageRequest page) {
        if (changeType != null && FollowerChangeType.ofCode(changeType).isEmpty()) {
            throw new BadRequestException("Invalid change_type", "change_type is new_follower or unfollower");
        }
        return analytics.followers(id, changeType, window, page);
    }

    @GetMapping(
            path = "/top-content",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @Operation(
            summary = "Posts published between from and to, highest engagement rate first "
                    + "((likes + comments + shares + saves) / reach × 100); one page of at most limit posts")
    ResponseEntity<?> topContent(
            @PathVariable UUID id,
            @RecentWindow(days = 90) TimeWindow window,
            @RequestParam(required = false) @Nullable Integer limit,
            TabularAnswer answer) {
        return answer.of(
                CursorPage.whole(analytics.topContent(id, window, limit)),
                AnalyticsTables.TOP_POST,
                AnalyticsTables::topPost,
                "top-content");
    }

    @GetMapping(
            path = "/audience",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    @Operation(
            summary = "Audience insights (ages, genders, countries, cities, active hours and days) per day with data, "
                    + "oldest first (one page; at most 2000 days between from and to)")
    ResponseEntity<?> audience(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            TabularAnswer answer) {
        return answer.of(
                CursorPage.whole(analytics.audience(id, from, to)),
                AnalyticsTables.AUDIENCE,
                AnalyticsTables::audience,
                "audience");
    }

    @PostMapping("/sync")
    @RequiresPermission(resource = "social_accounts", action = "write", idVariable = "id")
    @Operation(summary = "Sync the account's analytics from its platform now")
    Map<String, Object> syncNow(@PathVariable UUID id) {
        AccountAnalytics.SyncOutcome outcome = analytics.syncNow(id);
        return Map.of("synced", outcome.synced(), "synced_at", outcome.syncedAt());
    }

    record SyncSettings(@Min(15) @Max(10080) @Nullable Integer intervalMinutes) {}

    @PutMapping("/sync-settings")
    @RequiresPermission(resource = "social_accounts", action = "write", idVariable = "id")
    @Operation(summary = "How often the account is synced, in minutes (15 to 10080; null: the installation default)")
    SyncSettings syncSettings(@PathVariable UUID id, @Valid @RequestBody SyncSettings settings) {
        analytics.setSyncInterval(id, settings.intervalMinutes());
        return settings;
    }
}

package io.reach.measurement;

import io.reach.measurement.rollup.RollupRebuilds;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.TabularAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dashboard queries over tracker events (from rollups), as JSON or CSV ({@code format=csv} or
 * {@code Accept: text/csv}, see {@link TabularAnswer}); and rollup rebuilds (in the background).
 * The dimension filters are named parameters, so a typo'd filter is an unknown parameter (400).
 * Every read is one site's ({@code site_id}; the workspace's default site when left out).
 */
@RestController
@RequestMapping("/api/v1/analytics")
@SecurityRequirement(name = "bearer")
@Tag(name = "Analytics")
@Validated
class AnalyticsController {

    private final SiteAnalytics analytics;

    AnalyticsController(SiteAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping(
            path = "/timeseries",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(
            summary = "A metric (events, sessions, users, value_sum, value_avg) per hour, day, week or month in the "
                    + "site's (or the given) time zone: every period of [from, to) in time order, 0 where nothing happened "
                    + "(value_avg: null where no event had a value), at most " + SeriesPeriods.MAX
                    + " periods; filtered on "
                    + "dimensions; robots left out unless include_bots")
    ResponseEntity<?> timeseries(
            @RequestParam(defaultValue = "events") String metric,
            @RequestParam(defaultValue = "day") String interval,
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(
                            description =
                                    "An IANA time zone (e.g. Europe/Paris) to cut periods in; the site's (else the "
                                            + "workspace's) by default")
                    @RequestParam(name = "time_zone", required = false)
                    @Nullable
                    String timeZone,
            @Parameter(description = EVENT_TYPE) @RequestParam(name = "event_type", required = false) @Nullable
                    String eventType,
            @Parameter(description = PAGE_URL) @RequestParam(name = "page_url", required = false) @Nullable
                    String pageUrl,
            @Parameter(description = REFERRER_URL) @RequestParam(name = "referrer_url", required = false) @Nullable
                    String referrerUrl,
            @Parameter(description = DEVICE_TYPE) @RequestParam(name = "device_type", required = false) @Nullable
                    String deviceType,
            @Parameter(description = BROWSER_NAME) @RequestParam(name = "browser_name", required = false) @Nullable
                    String browserName,
            @Parameter(description = OPERATING_SYSTEM)
                    @RequestParam(name = "operating_system", required = false)
                    @Nullable
                    String operatingSystem,
            @Parameter(description = COUNTRY) @RequestParam(required = false) @Nullable String country,
            @Parameter(description = SITE_ID) @RequestParam(name = "site_id", required = false) @Nullable UUID siteId,
            @Parameter(description = INCLUDE_BOTS) @RequestParam(name = "include_bots", defaultValue = "false")
                    boolean includeBots,
            TabularAnswer answer) {
        require(AnalyticsQueries.METRICS.containsKey(metric), "metric", AnalyticsQueries.METRICS.keySet());
        require(AnalyticsQueries.INTERVALS.contains(interval), "interval", AnalyticsQueries.INTERVALS);
        var filters = filters(eventType, pageUrl, referrerUrl, deviceType, browserName, operatingSystem, country);
        var points = analytics.timeseries(
                metric, interval, timeZone, new SiteAnalytics.Query(siteId, from, to, filters, includeBots));
        return answer.of(
                new CursorPage<>(points, null),
                List.of("period", metric),
                p -> java.util.Arrays.asList(p.period().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), p.value()),
                "timeseries");
    }

    @GetMapping(
            path = "/top",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(
            summary = "The top values of a dimension (event_type, page_url, referrer_url, device_type, browser_name, "
                    + "operating_system, country) by events, most first, with the same filters")
    ResponseEntity<?> top(
            @RequestParam String dimension,
            @RequestParam(defaultValue = "10") int limit,
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = EVENT_TYPE) @RequestParam(name = "event_type", required = false) @Nullable
                    String eventType,
            @Parameter(description = PAGE_URL) @RequestParam(name = "page_url", required = false) @Nullable
                    String pageUrl,
            @Parameter(description = REFERRER_URL) @RequestParam(name = "referrer_url", required = false) @Nullable
                    String referrerUrl,
            @Parameter(description = DEVICE_TYPE) @RequestParam(name = "device_type", required = false) @Nullable
                    String deviceType,
            @Parameter(description = BROWSER_NAME) @RequestParam(name = "browser_name", required = false) @Nullable
                    String browserName,
            @Parameter(description = OPERATING_SYSTEM)
                    @RequestParam(name = "operating_system", required = false)
                    @Nullable
                    String operatingSystem,
            @Parameter(description = COUNTRY) @RequestParam(required = false) @Nullable String country,
            @Parameter(description = SITE_ID) @RequestParam(name = "site_id", required = false) @Nullable UUID siteId,
            @Parameter(description = INCLUDE_BOTS) @RequestParam(name = "include_bots", defaultValue = "false")
                    boolean includeBots,
            TabularAnswer answer) {
        require(AnalyticsQueries.DIMENSIONS.contains(dimension), "dimension", AnalyticsQueries.DIMENSIONS);
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("Invalid limit", "limit must be between 1 and 1000");
        }
        var filters = filters(eventType, pageUrl, referrerUrl, deviceType, browserName, operatingSystem, country);
        var ranked = analytics.top(dimension, limit, new SiteAnalytics.Query(siteId, from, to, filters, includeBots));
        return answer.of(
                new CursorPage<>(ranked, null),
                List.of(dimension, "events", "sessions"),
                r -> List.of(r.value(), r.events(), r.sessions()),
                "top");
    }

    @GetMapping(
            path = "/sessions",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(
            summary = "Sessions started between from and to: count, average duration (s) and bounce rate (one event); "
                    + "as CSV one row")
    ResponseEntity<?> sessions(
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = SITE_ID) @RequestParam(name = "site_id", required = false) @Nullable UUID siteId,
            @Parameter(description = INCLUDE_BOTS) @RequestParam(name = "include_bots", defaultValue = "false")
                    boolean includeBots,
            TabularAnswer answer) {
        var summary = analytics.sessions(new SiteAnalytics.Query(siteId, from, to, Map.of(), includeBots));
        return answer.of(
                summary,
                List.of(summary),
                List.of("sessions", "average_duration_seconds", "bounce_rate"),
                s -> List.of(s.sessions(), s.averageDurationSeconds(), s.bounceRate()),
                "sessions");
    }

    record Rebuild(@NotNull LocalDate from, @NotNull LocalDate to) {}

    @PostMapping(path = "/rollups/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(
            summary = "Recompute the rollups of the days [from, to) (at most 400) in the background: 202 with the "
                    + "Location of its progress; one rebuild at a time per tenant (409 while one runs)")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted; the rebuild goes on in the background (Location: its progress)")
    ResponseEntity<RollupRebuilds.RebuildProgress> rebuild(@RequestBody @jakarta.validation.Valid Rebuild request) {
        RollupRebuilds.RebuildProgress queued = analytics.rebuild(request.from(), request.to());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/analytics/rollups/rebuilds/" + queued.id()))
                .body(queued);
    }

    @GetMapping(path = "/rollups/rebuilds/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "A rollup rebuild's progress: status (queued, running, done, failed), days_done of days_total")
    RollupRebuilds.RebuildProgress rebuildProgress(@PathVariable UUID id) {
        return analytics.rebuildProgress(id);
    }

    /** The dimension filters given (a blank value filters nothing), by dimension name. */
    private static Map<String, String> filters(
            @Nullable String eventType,
            @Nullable String pageUrl,
            @Nullable String referrerUrl,
            @Nullable String deviceType,
            @Nullable String browserName,
            @Nullable String operatingSystem,
            @Nullable String country) {
        Map<String, String> filters = new LinkedHashMap<>();
        String[] names = {
            "event_type", "page_url", "referrer_url", "device_type", "browser_name", "operating_system", "country"
        };
        String[] values = {eventType, pageUrl, referrerUrl, deviceType, browserName, operatingSystem, country};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                filters.put(names[i], values[i]);
            }
        }
        return filters;
    }

    private static void require(boolean valid, String name, java.util.Collection<String> allowed) {
        if (!valid) {
            throw new BadRequestException(
                    "Invalid " + name,
                    name + " is one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private static final String FROM =
            "Start of the window (inclusive, ISO 8601 instant); 30 days before to by default";
    private static final String TO = "End of the window (exclusive, ISO 8601 instant); now by default";
    private static final String EVENT_TYPE = "Only events of this type (exact match), e.g. page_view";
    private static final String PAGE_URL = "Only events on this page URL (exact match, as stored)";
    private static final String REFERRER_URL = "Only events with this referrer URL (exact match)";
    private static final String DEVICE_TYPE = "Only events from this device type (exact match), e.g. desktop, mobile";
    private static final String BROWSER_NAME = "Only events from this browser (exact match), e.g. Chrome";
    private static final String OPERATING_SYSTEM = "Only events from this operating system (exact match), e.g. Windows";
    private static final String COUNTRY = "Only events from this country (ISO 3166-1 alpha-2 code, e.g. GB)";
    private static final String INCLUDE_BOTS = "Count robots' events too (false: left out)";
    static final String SITE_ID = "The site to read (see /api/v1/sites); the workspace's default site when left out. "
            + "An unknown site is a 404";
}

package io.reach.measurement;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
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

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.CsvCells;
import io.reach.platform.web.NotFoundException;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Dashboard queries over tracker events (from rollups), as JSON or CSV ({@code format=csv}); and rollup rebuilds (in the background). */
@RestController
@RequestMapping("/api/v1/analytics")
@SecurityRequirement(name = "bearer")
@Tag(name = "Analytics")
@Validated
class AnalyticsController {

    /** What the analytics reads take besides the dimension filters; anything else is a typo, not a filter. */
    private static final java.util.Set<String> QUERY_PARAMETERS = java.util.Set.of("metric", "interval", "from", "to",
            "time_zone", "format", "dimension", "limit", "include_bots");

    private final AnalyticsQueries queries;
    private final TrackerRollups rollups;
    private final RollupRebuilds rebuilds;
    private final TenantZones zones;
    private final TenantTransactions transactions;
    private final java.time.Clock clock;

    AnalyticsController(AnalyticsQueries queries, TrackerRollups rollups, RollupRebuilds rebuilds, TenantZones zones,
            TenantTransactions transactions, java.time.Clock clock) {
        this.queries = queries;
        this.rollups = rollups;
        this.rebuilds = rebuilds;
        this.zones = zones;
        this.transactions = transactions;
        this.clock = clock;
    }

    @GetMapping("/timeseries")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "A metric (events, sessions, users, value_sum, value_avg) per hour, day, week or month in the "
            + "tenant's (or the given) time zone; filters on event_type, page_url, device_type, browser_name, "
            + "operating_system; robots left out unless include_bots")
    ResponseEntity<?> timeseries(@RequestParam(defaultValue = "events") String metric,
            @RequestParam(defaultValue = "day") String interval, @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(name = "time_zone", required = false) @Nullable String timeZone,
            @RequestParam Map<String, String> parameters, @RequestParam(required = false) @Nullable String format) {
        require(AnalyticsQueries.METRICS.containsKey(metric), "metric", AnalyticsQueries.METRICS.keySet());
        require(AnalyticsQueries.INTERVALS.contains(interval), "interval", AnalyticsQueries.INTERVALS);
        return transactions.inTransaction(() -> {
            ZoneId zone = zones.requestedOrConfigured(timeZone);
            var points = queries.timeseries(metric, interval, zone, scope(from, to, parameters), rollups.progress());
            return answer(format, points, List.of("period", metric),
                    p -> List.of(p.period().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME), p.value()));
        });
    }

    @GetMapping("/top")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "The top values of a dimension (event_type, page_url, referrer_url, device_type, browser_name, "
            + "operating_system) by events, with the same filters")
    ResponseEntity<?> top(@RequestParam String dimension, @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
            @RequestParam Map<String, String> parameters, @RequestParam(required = false) @Nullable String format) {
        require(AnalyticsQueries.DIMENSIONS.contains(dimension), "dimension", AnalyticsQueries.DIMENSIONS);
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("Invalid limit", "limit must be between 1 and 1000");
        }
        return transactions.inTransaction(() -> {
            var ranked = queries.top(dimension, limit, scope(from, to, parameters), rollups.progress());
            return answer(format, ranked, List.of(dimension, "events", "sessions"),
                    r -> List.of(r.value(), r.events(), r.sessions()));
        });
    }

    @GetMapping("/sessions")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "Sessions started between from and to: count, average duration (s) and bounce rate (one event)")
    AnalyticsQueries.SessionSummary sessions(@RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to, @RequestParam Map<String, String> parameters) {
        return transactions.inTransaction(() -> queries.sessions(scope(from, to, parameters)));
    }

    record Rebuild(@NotNull LocalDate from, @NotNull LocalDate to) {
    }

    @PostMapping("/rollups/rebuild")
    @RequiresPermission(resource = "analytics", action = "write")
    @Operation(summary = "Recompute the rollups of the days [from, to) (at most 400) in the background: 202 with the "
            + "Location of its progress; one rebuild at a time per tenant (409 while one runs)")
    ResponseEntity<RollupRebuilds.RebuildProgress> rebuild(@RequestBody @jakarta.validation.Valid Rebuild request) {
        if (!request.from().isBefore(request.to()) || request.from().plusDays(400).isBefore(request.to())) {
            throw new BadRequestException("Invalid range", "from must be before to, at most 400 days apart");
        }
        RollupRebuilds.RebuildProgress queued = rebuilds.start(request.from(), request.to());
        return ResponseEntity.accepted().location(URI.create("/api/v1/analytics/rollups/rebuilds/" + queued.id()))
                .body(queued);
    }

    @GetMapping("/rollups/rebuilds/{id}")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "A rollup rebuild's progress: status (queued, running, done, failed), days_done of days_total")
    RollupRebuilds.RebuildProgress rebuildProgress(@PathVariable UUID id) {
        return transactions.inTransaction(() -> rebuilds.find(id))
                .orElseThrow(() -> new NotFoundException("rollup rebuild", id));
    }

    private AnalyticsQueries.Scope scope(@Nullable Instant from, @Nullable Instant to, Map<String, String> parameters) {
        TimeWindow window = TimeWindow.recent(from, to, Duration.ofDays(30), clock.instant());
        List<FieldError> unknown = parameters.keySet().stream()
                .filter(name -> !AnalyticsQueries.DIMENSIONS.contains(name) && !QUERY_PARAMETERS.contains(name)).sorted()
                .map(name -> new FieldError(name, "is not a filter or parameter; filters are "
                        + String.join(", ", AnalyticsQueries.DIMENSIONS)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("Unknown analytics parameters", unknown);
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (String dimension : AnalyticsQueries.DIMENSIONS) {
            String value = parameters.get(dimension);
            if (value != null && !value.isBlank()) {
                filters.put(dimension, value);
            }
        }
        return new AnalyticsQueries.Scope(window.from(), window.to(), filters,
                Boolean.parseBoolean(parameters.getOrDefault("include_bots", "false")));
    }

    private static void require(boolean valid, String name, java.util.Collection<String> allowed) {
        if (!valid) {
            throw new BadRequestException("Invalid " + name, name + " is one of " + String.join(", ",
                    allowed.stream().sorted().toList()));
        }
    }

    /** JSON, or CSV whose text cells (page URLs, referrers: visitors' input) cannot run as spreadsheet formulas. */
    private static <T> ResponseEntity<?> answer(@Nullable String format, List<T> rows, List<String> header,
            Function<T, List<?>> columns) {
        if (!"csv".equals(format)) {
            return ResponseEntity.ok(rows);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"analytics.csv\"")
                .body(CsvCells.document(header, rows.stream().map(columns).toList()));
    }
}

package io.reach.measurement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The sessions of a period (started between from and to; the last 30 days by default), their
 * devices and places, and the daily metrics ({@code daily_analytics}) of its days.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@SecurityRequirement(name = "bearer")
@Tag(name = "Analytics")
class VisitorController {

    private final VisitorCatalog catalog;
    private final DailyMetrics daily;
    private final TenantTransactions transactions;
    private final Clock clock;

    VisitorController(VisitorCatalog catalog, DailyMetrics daily, TenantTransactions transactions, Clock clock) {
        this.catalog = catalog;
        this.daily = daily;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One page of rows read for a time window and a cursor. */
    private interface Reader<T> {
        List<T> read(Instant from, Instant to, UUID after, int size);
    }

    @GetMapping("/sessions/list")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "The sessions started in the period, with device info and location data")
    CursorPage<VisitorCatalog.Session> sessions(@RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return page(catalog::sessions, VisitorCatalog.Session::id, from, to, limit, cursor);
    }

    @GetMapping("/devices")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "The devices (user agent and screen) of the sessions started in the period")
    CursorPage<VisitorCatalog.Device> devices(@RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return page(catalog::devices, VisitorCatalog.Device::id, from, to, limit, cursor);
    }

    @GetMapping("/geography")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "The places (country, region, city, coordinates, time zone) of the sessions started in the period")
    CursorPage<VisitorCatalog.Place> places(@RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return page(catalog::places, VisitorCatalog.Place::geographyId, from, to, limit, cursor);
    }

    @GetMapping("/daily")
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "The daily metrics (daily_analytics: events, sessions, users, event_value_sum per local day) of "
            + "the days from from's date to to's date")
    CursorPage<DailyMetrics.Metric> daily(@RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return page(daily::between, DailyMetrics.Metric::analyticsId, from, to, limit, cursor);
    }

    private <T> CursorPage<T> page(Reader<T> reader, Function<T, UUID> id, @Nullable Instant from, @Nullable Instant to,
            @Nullable Integer limit, @Nullable String cursor) {
        TimeWindow window = TimeWindow.recent(from, to, Duration.ofDays(30), clock.instant());
        PageRequest page = PageRequest.of(limit, cursor);
        return transactions.inTransaction(() -> CursorPage.of(reader.read(window.from(), window.to(), page.afterOrStart(),
                page.fetchSize()), page, id));
    }
}

package io.reach.measurement;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.RecentWindow;
import io.reach.platform.web.TabularAnswer;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sessions of a period (started between from and to; the last 30 days by default), their
 * devices and places, and the daily metrics ({@code daily_analytics}) of its days: pages of
 * {@code {items, next_cursor}}, or CSV ({@code format=csv} or {@code Accept: text/csv}, see
 * {@link TabularAnswer}) with the next cursor in a header. Each read is one site's ({@code site_id}; the
 * workspace's default site when left out; an unknown site is a 404).
 */
@RestController
@RequestMapping("/api/v1/analytics")
@SecurityRequirement(name = "bearer")
@Tag(name = "Analytics")
class VisitorController {

    private final VisitorCatalog catalog;
    private final DailyMetrics daily;
    private final SiteAnalytics analytics;
    private final JsonMapper json;

    VisitorController(VisitorCatalog catalog, DailyMetrics daily, SiteAnalytics analytics, JsonMapper json) {
        this.catalog = catalog;
        this.daily = daily;
        this.analytics = analytics;
        this.json = json;
    }

    /** The request's site (null: the default one), window, page and answer format. */
    private record Asked(@Nullable UUID site, TimeWindow window, PageRequest page, TabularAnswer answer) {}

    @GetMapping(
            path = "/sessions/list",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "The sessions started in the period, with device info and location data")
    ResponseEntity<?> sessions(
            @Parameter(description = AnalyticsController.SITE_ID)
                    @RequestParam(name = "site_id", required = false)
                    @Nullable
                    UUID siteId,
            @RecentWindow(days = 30) TimeWindow window,
            PageRequest page,
            TabularAnswer answer) {
        return page(
                catalog::sessions,
                VisitorCatalog.Session::id,
                new Asked(siteId, window, page, answer),
                List.of(
                        "id",
                        "session_key",
                        "user_id",
                        "started_at",
                        "ended_at",
                        "events",
                        "ip_address",
                        "user_agent",
                        "device_info",
                        "location_data",
                        "is_bot"),
                s -> Arrays.asList(
                        s.id(),
                        s.sessionKey(),
                        s.userId(),
                        s.startedAt(),
                        s.endedAt(),
                        s.events(),
                        s.ipAddress(),
                        s.userAgent(),
                        json.writeValueAsString(s.deviceInfo()),
                        json.writeValueAsString(s.locationData()),
                        s.bot()),
                "sessions");
    }

    @GetMapping(
            path = "/devices",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(summary = "The devices (user agent and screen) of the sessions started in the period")
    ResponseEntity<?> devices(
            @Parameter(description = AnalyticsController.SITE_ID)
                    @RequestParam(name = "site_id", required = false)
                    @Nullable
                    UUID siteId,
            @RecentWindow(days = 30) TimeWindow window,
            PageRequest page,
            TabularAnswer answer) {
        return page(
                catalog::devices,
                VisitorCatalog.Device::id,
                new Asked(siteId, window, page, answer),
                List.of(
                        "id",
                        "device_type",
                        "device_brand",
                        "device_model",
                        "operating_system",
                        "browser",
                        "screen_resolution",
                        "user_agent",
                        "created_at"),
                d -> Arrays.asList(
                        d.id(),
                        d.deviceType(),
                        d.deviceBrand(),
                        d.deviceModel(),
                        d.operatingSystem(),
                        d.browser(),
                        d.screenResolution(),
                        d.userAgent(),
                        d.createdAt()),
                "devices");
    }

    @GetMapping(
            path = "/geography",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(
            summary =
                    "The places (country, region, city, coordinates, time zone) of the sessions started in the period")
    ResponseEntity<?> places(
            @Parameter(description = AnalyticsController.SITE_ID)
                    @RequestParam(name = "site_id", required = false)
                    @Nullable
                    UUID siteId,
            @RecentWindow(days = 30) TimeWindow window,
            PageRequest page,
            TabularAnswer answer) {
        return page(
                catalog::places,
                VisitorCatalog.Place::geographyId,
                new Asked(siteId, window, page, answer),
                List.of(
                        "geography_id",
                        "country_code",
                        "country_name",
                        "region",
                        "city",
                        "latitude",
                        "longitude",
                        "timezone",
                        "created_at"),
                p -> Arrays.asList(
                        p.geographyId(),
                        p.countryCode(),
                        p.countryName(),
                        p.region(),
                        p.city(),
                        p.latitude(),
                        p.longitude(),
                        p.timezone(),
                        p.createdAt()),
                "geography");
    }

    @GetMapping(
            path = "/daily",
            produces = {MediaType.APPLICATION_JSON_VALUE, TabularAnswer.CSV})
    @RequiresPermission(resource = "analytics", action = "read")
    @Operation(
            summary = "The daily metrics (daily_analytics: events, sessions, users, event_value_sum per local day) of "
                    + "the days from from's date to to's date")
    ResponseEntity<?> daily(
            @Parameter(description = AnalyticsController.SITE_ID)
                    @RequestParam(name = "site_id", required = false)
                    @Nullable
                    UUID siteId,
            @RecentWindow(days = 30) TimeWindow window,
            PageRequest page,
            TabularAnswer answer) {
        return page(
                daily::between,
                DailyMetrics.Metric::analyticsId,
                new Asked(siteId, window, page, answer),
                List.of(
                        "analytics_id",
                        "date_recorded",
                        "entity_type",
                        "entity_id",
                        "metric_name",
                        "metric_value",
                        "created_at",
                        "metadata"),
                m -> Arrays.asList(
                        m.analyticsId(),
                        m.dateRecorded(),
                        m.entityType(),
                        m.entityId(),
                        m.metricName(),
                        m.metricValue(),
                        m.createdAt(),
                        json.writeValueAsString(m.metadata())),
                "daily");
    }

    private <T> ResponseEntity<?> page(
            SiteAnalytics.SiteRows<T> reader,
            Function<T, UUID> id,
            Asked asked,
            List<String> header,
            Function<T, List<?>> columns,
            String name) {
        CursorPage<T> rows = analytics.rows(reader, id, asked.site(), asked.window(), asked.page());
        return asked.answer().of(rows, header, columns, name);
    }
}

package io.reach.measurement;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CsvCells;
import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The console's analytics dashboard ({@code /app/analytics}): one site's key numbers against the
 * previous period, the chart with its table, the ranked lists (each value a link that filters the
 * whole dashboard), a CSV of what is shown and the visitors of the last 30 minutes, refreshed by
 * htmx. The same reads as the analytics API ({@link AnalyticsDashboard} over {@link SiteAnalytics}).
 */
@Controller
@ConsolePage
@Hidden
public class AnalyticsDashboardPage {

    private final AnalyticsDashboard dashboard;

    AnalyticsDashboardPage(AnalyticsDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/app/analytics")
    @RequiresPermission(resource = "analytics", action = "read")
    String show(@ModelAttribute("ask") DashboardAsk ask, Model model) {
        model.addAttribute("dashboard", dashboard.show(ask));
        return "measurement/analytics";
    }

    @GetMapping("/app/analytics/live")
    @RequiresPermission(resource = "analytics", action = "read")
    String live(@ModelAttribute("ask") DashboardAsk ask, Model model) {
        model.addAttribute("visitors", dashboard.live(ask));
        return "measurement/analytics-live";
    }

    @GetMapping("/app/analytics.csv")
    @RequiresPermission(resource = "analytics", action = "read")
    ResponseEntity<String> csv(@ModelAttribute("ask") DashboardAsk ask) {
        Dashboard shown = dashboard.show(ask);
        String name =
                "analytics-" + shown.period().first() + "-" + shown.period().last() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(CsvCells.document(List.of("section", "item", "measure", "value"), rows(shown)));
    }

    /** What the page shows, one number a row: the key numbers (and the previous period's), the series, the lists. */
    private static List<List<?>> rows(Dashboard shown) {
        List<List<?>> rows = new ArrayList<>();
        for (Dashboard.Kpi kpi : shown.kpis()) {
            rows.add(List.of("summary", kpi.key(), "current", number(kpi, kpi.value())));
            rows.add(List.of("summary", kpi.key(), "previous_period", number(kpi, kpi.previous())));
        }
        for (Dashboard.SeriesPoint point : shown.series()) {
            rows.add(List.of("series", point.period(), "page_views", point.pageViews()));
            rows.add(List.of("series", point.period(), "visits", point.visits()));
        }
        for (Dashboard.TopList top : shown.tops()) {
            for (Dashboard.TopRow row : top.rows()) {
                rows.add(List.of(top.filter().dimension(), row.value(), "events", row.events()));
            }
        }
        rows.add(List.of("live", "last_30_minutes", "visitors", shown.liveVisitors()));
        return rows;
    }

    /** A count as a whole number, a share to 4 decimals, seconds to 1. */
    private static Number number(Dashboard.Kpi kpi, double value) {
        return switch (kpi.kind()) {
            case COUNT -> Math.round(value);
            case SHARE -> BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
            case SECONDS -> BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
        };
    }
}

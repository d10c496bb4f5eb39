package io.reach.measurement;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.PageRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The analytics dashboard (console) from the reads the analytics API answers with ({@link
 * SiteAnalytics}): page views and the chart from the rollups, visitors, visits, bounce rate and
 * visit length from the sessions ({@link VisitQueries}), each with the previous period's, the ranked
 * lists from the rollups, every number under the same filters.
 */
@Service
class AnalyticsDashboard {

    static final Duration LIVE = Duration.ofMinutes(30);
    static final int TOP = 10;
    static final String PAGE_VIEW = "page_view";

    private final SiteAnalytics analytics;
    private final SiteManagement management;
    private final TenantTransactions transactions;
    private final Clock clock;

    AnalyticsDashboard(
            SiteAnalytics analytics, SiteManagement management, TenantTransactions transactions, Clock clock) {
        this.analytics = analytics;
        this.management = management;
        this.transactions = transactions;
        this.clock = clock;
    }

    Dashboard show(DashboardAsk ask) {
        TenantId tenant = TenantContext.require();
        SiteAnalytics.SiteZone site = analytics.site(ask.site());
        DashboardPeriod period = DashboardPeriod.of(ask.period(), ask.from(), ask.to(), site.zone(), clock.instant());
        Map<String, String> filters = ask.dimensions();
        var now = new SiteAnalytics.Query(site.id(), period.from(), period.to(), filters, false);
        int half = DashboardAsk.FILTERS.size() / 2;
        var firstTops = alongside(tenant, () -> tops(now, DashboardAsk.FILTERS.subList(0, half)));
        var otherTops =
                alongside(tenant, () -> tops(now, DashboardAsk.FILTERS.subList(half, DashboardAsk.FILTERS.size())));
        Figures figures = transactions.inTransaction(() -> figures(site, period, now));
        List<Dashboard.TopList> tops = new ArrayList<>(joined(firstTops));
        tops.addAll(joined(otherTops));
        return new Dashboard(
                sites(site.id()), site.id(), period, figures.kpis(), figures.series(), tops, figures.live());
    }

    /** The key figures with the previous period's, the chart and the live count, in one transaction. */
    private Figures figures(SiteAnalytics.SiteZone site, DashboardPeriod period, SiteAnalytics.Query now) {
        Map<String, String> filters = now.filters();
        var before = new SiteAnalytics.Query(site.id(), period.previousFrom(), period.previousTo(), filters, false);
        var views = analytics.timeseries("events", period.interval(), null, pageViews(now));
        var visitsSeries = analytics.visitsPer(period.interval(), now);
        long viewsBefore = total(analytics.timeseries("events", period.interval(), null, pageViews(before)));
        VisitQueries.Visits visits = analytics.visits(now);
        VisitQueries.Visits visitsBefore = analytics.visits(before);
        List<Dashboard.Kpi> kpis = List.of(
                count("visitors", "Visitors", visits.visitors(), visitsBefore.visitors()),
                count("page_views", "Page views", total(views), viewsBefore),
                count("sessions", "Visits", visits.sessions(), visitsBefore.sessions()),
                new Dashboard.Kpi(
                        "bounce_rate",
                        "Bounce rate",
                        Dashboard.Kind.SHARE,
                        visits.bounceRate(),
                        visitsBefore.bounceRate()),
                new Dashboard.Kpi(
                        "visit_duration",
                        "Visit duration",
                        Dashboard.Kind.SECONDS,
                        visits.averageDurationSeconds(),
                        visitsBefore.averageDurationSeconds()));
        return new Figures(
                kpis, series(period, views, visitsSeries), analytics.visitorsInLast(LIVE, site.id(), filters));
    }

    /**
     * Runs a read on another thread in its own transaction as {@code tenant}: the ranked lists are read
     * alongside the key figures, so a page costs the longer of the two rather than their sum.
     */
    private <T> CompletableFuture<T> alongside(TenantId tenant, Supplier<T> read) {
        return CompletableFuture.supplyAsync(
                () -> transactions.inTransactionAs(tenant, read), Thread.ofVirtual()::start);
    }

    /** The read's answer, or what it threw, as it threw it. */
    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** What the page shows above the ranked lists. */
    private record Figures(List<Dashboard.Kpi> kpis, List<Dashboard.SeriesPoint> series, long live) {}

    /** The distinct visitors of the last 30 minutes, under the ask's filters. */
    long live(DashboardAsk ask) {
        return analytics.visitorsInLast(LIVE, ask.site(), ask.dimensions());
    }

    private List<Dashboard.SiteChoice> sites(UUID current) {
        return management.sites(PageRequest.of(PageRequest.MAX_LIMIT, null)).items().stream()
                .map(site -> new Dashboard.SiteChoice(
                        site.id(), site.name(), site.id().equals(current)))
                .toList();
    }

    private List<Dashboard.SeriesPoint> series(
            DashboardPeriod period, List<AnalyticsQueries.Point> views, List<AnalyticsQueries.Point> visits) {
        DateTimeFormatter label =
                DateTimeFormatter.ofPattern("hour".equals(period.interval()) ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd");
        Map<Instant, Long> visitsAt = new HashMap<>();
        visits.forEach(point -> visitsAt.put(point.period().toInstant(), count(point.value())));
        return views.stream()
                .map(point -> new Dashboard.SeriesPoint(
                        point.period().format(label),
                        count(point.value()),
                        visitsAt.getOrDefault(point.period().toInstant(), 0L)))
                .toList();
    }

    private List<Dashboard.TopList> tops(SiteAnalytics.Query query, List<DashboardAsk.Filter> lists) {
        return lists.stream()
                .map(filter -> new Dashboard.TopList(
                        filter,
                        analytics.ranked(filter.dimension(), TOP, query).stream()
                                .map(ranked -> new Dashboard.TopRow(ranked.value(), ranked.events()))
                                .toList()))
                .toList();
    }

    /** The query's page views: its events of type page_view. */
    private static SiteAnalytics.Query pageViews(SiteAnalytics.Query query) {
        Map<String, String> filters = new LinkedHashMap<>(query.filters());
        filters.put("event_type", PAGE_VIEW);
        return new SiteAnalytics.Query(query.siteId(), query.from(), query.to(), filters, query.includeBots());
    }

    private static Dashboard.Kpi count(String key, String label, long value, long previous) {
        return new Dashboard.Kpi(key, label, Dashboard.Kind.COUNT, value, previous);
    }

    static long total(List<AnalyticsQueries.Point> points) {
        return points.stream().mapToLong(point -> count(point.value())).sum();
    }

    private static long count(@Nullable BigDecimal value) {
        return Objects.requireNonNullElse(value, BigDecimal.ZERO).longValue();
    }
}

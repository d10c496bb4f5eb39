package io.reach.measurement;

import io.reach.platform.console.HomeFact;
import io.reach.platform.console.HomeFacts;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Today's key numbers on the console's home: the default site's visitors and page views today, and those here now. */
@Component
class AnalyticsHomeFacts implements HomeFacts {

    private final SiteAnalytics analytics;
    private final Clock clock;

    AnalyticsHomeFacts(SiteAnalytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @Override
    public String resource() {
        return "analytics";
    }

    @Override
    public List<HomeFact> facts() {
        SiteAnalytics.SiteZone site = analytics.site(null);
        DashboardPeriod today = DashboardPeriod.of("today", null, null, site.zone(), clock.instant());
        var query = new SiteAnalytics.Query(site.id(), today.from(), today.to(), Map.of(), false);
        var views = new SiteAnalytics.Query(
                site.id(), today.from(), today.to(), Map.of("event_type", AnalyticsDashboard.PAGE_VIEW), false);
        long pageViews = AnalyticsDashboard.total(analytics.timeseries("events", today.interval(), null, views));
        VisitQueries.Visits visits = analytics.visits(query);
        if (pageViews == 0 && visits.visitors() == 0) {
            return List.of();
        }
        String dashboard = "/app/analytics?period=today";
        return List.of(
                HomeFact.today("Visitors today", Long.toString(visits.visitors()), dashboard),
                HomeFact.today("Page views today", Long.toString(pageViews), dashboard),
                HomeFact.today(
                        "Visitors in the last 30 minutes",
                        Long.toString(analytics.visitorsInLast(AnalyticsDashboard.LIVE, site.id(), Map.of())),
                        dashboard));
    }
}

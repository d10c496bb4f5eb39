package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.measurement.ingest.Sessionizer;
import io.reach.measurement.rollup.TrackerRollups;
import io.reach.platform.tenant.TenantId;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's analytics dashboard shows what was ingested through the API: key numbers against
 * the previous period, the chart's table, the ranked lists; a clicked value filters every number;
 * the period picker, the CSV export and the live count answer the same; only members who may read
 * analytics see it, and only their workspace's sites.
 */
@ReachTest
class AnalyticsDashboardPageTest {

    private static final Pattern SERIES_ROW =
            Pattern.compile("<tr><th scope=\"row\">([^<]*)</th><td>(\\d+)</td><td>(\\d+)</td></tr>");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Sessionizer sessionizer;

    @Autowired
    TrackerRollups rollups;

    Accounts.SignedIn ada;
    Browser browser;

    /**
     * Ada's workspace, in a zone where it is about noon now (so the events of the last two hours are
     * today's and yesterday's same hours are the previous period's): today four visits (one of two
     * pages, one in Firefox, one 5 minutes ago), yesterday one.
     */
    @BeforeEach
    void adaMeasuredToday() {
        ada = accounts.owner();
        api.patch("/api/v1/tenant/settings", ada.accessToken(), "{\"time_zone\": \"%s\"}".formatted(noonZone()));
        String key = accounts.ingestKey(ada, "site");
        Instant now = Instant.now();
        var response = api.post(
                "/api/v1/ingest/trackers",
                key,
                "["
                        + String.join(
                                ",",
                                List.of(
                                        event("s1", "/pricing", "Chrome", now.minus(90, ChronoUnit.MINUTES)),
                                        event("s1", "/blog", "Chrome", now.minus(88, ChronoUnit.MINUTES)),
                                        event("s2", "/pricing", "Chrome", now.minus(80, ChronoUnit.MINUTES)),
                                        event("s3", "/about", "Firefox", now.minus(70, ChronoUnit.MINUTES)),
                                        event("s4", "/pricing", "Chrome", now.minus(5, ChronoUnit.MINUTES)),
                                        event(
                                                "s0",
                                                "/pricing",
                                                "Chrome",
                                                now.minus(1, ChronoUnit.DAYS).minus(90, ChronoUnit.MINUTES))))
                        + "]");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("rejected").size()).as(response.body()).isZero();
        sessionizer.drain(TenantId.of(ada.tenantId()));
        rollups.runDue();
        rollups.runDue();
        browser = Browser.signedIn(api, ada);
    }

    @Test
    void theKeyNumbersComeWithThePreviousPeriodsAndTheChartWithItsTable() {
        String page = browser.get("/app/analytics?period=today").body();

        assertThat(page).contains("<a href=\"/app/analytics\" aria-current=\"page\">Dashboard</a>");
        assertThat(kpi(page, "visitors")).isEqualTo("4");
        assertThat(kpi(page, "page_views")).isEqualTo("5");
        assertThat(kpi(page, "sessions")).isEqualTo("4");
        assertThat(kpi(page, "bounce_rate")).isEqualTo("75%");
        assertThat(kpi(page, "visit_duration")).isEqualTo("30s");
        assertThat(change(page, "page_views")).startsWith("+400% (previous period: 1)");
        assertThat(change(page, "visitors")).startsWith("+300%");
        assertThat(change(page, "bounce_rate")).startsWith("-25 pp (previous period: 100%)");
        assertThat(change(page, "visit_duration")).startsWith("no data before");

        List<long[]> series = series(page);
        assertThat(series).as("hours of today so far").isNotEmpty();
        assertThat(series.stream().mapToLong(row -> row[0]).sum()).isEqualTo(5);
        assertThat(series.stream().mapToLong(row -> row[1]).sum()).as("visits").isEqualTo(4);
        assertThat(page)
                .contains("<th scope=\"col\">Hour</th><th scope=\"col\">Page views</th>")
                .contains("src=\"/webjars/echarts/dist/echarts.min.js\"")
                .contains("src=\"/console/analytics.js\"")
                .containsPattern(">/pricing</a></th><td>3</td></tr>")
                .containsPattern(">/blog</a></th><td>1</td></tr>")
                .containsPattern(">Firefox</a></th><td>1</td></tr>")
                .doesNotContain("Nothing was measured");
        assertThat(browser.get("/webjars/echarts/dist/echarts.min.js").statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/console/analytics.js").body()).contains("renderer: \"svg\"");
    }

    @Test
    void clickingAValueFiltersEveryNumberUntilTheFilterIsRemoved() {
        String page = browser.get("/app/analytics?period=today").body();
        assertThat(page).contains("href=\"/app/analytics?period=today&amp;page=%2Fpricing\"");

        String pricing =
                browser.get("/app/analytics?period=today&page=%2Fpricing").body();

        assertThat(kpi(pricing, "page_views")).isEqualTo("3");
        assertThat(kpi(pricing, "sessions")).isEqualTo("3");
        assertThat(kpi(pricing, "visitors")).isEqualTo("3");
        assertThat(kpi(pricing, "bounce_rate")).isEqualTo("67%");
        assertThat(kpi(pricing, "visit_duration")).isEqualTo("40s");
        assertThat(series(pricing).stream().mapToLong(row -> row[0]).sum()).isEqualTo(3);
        assertThat(series(pricing).stream().mapToLong(row -> row[1]).sum()).isEqualTo(3);
        assertThat(pricing)
                .contains("Page: <strong>/pricing</strong>")
                .contains("<a href=\"/app/analytics?period=today\">Remove")
                .contains("<input type=\"hidden\" name=\"page\" value=\"/pricing\">")
                .doesNotContain(">/blog</a>");

        String firefox =
                browser.get("/app/analytics?period=today&browser=Firefox").body();
        assertThat(kpi(firefox, "page_views")).isEqualTo("1");
        assertThat(kpi(firefox, "sessions")).isEqualTo("1");
        assertThat(kpi(firefox, "bounce_rate")).isEqualTo("100%");
        assertThat(firefox).containsPattern(">/about</a></th><td>1</td></tr>");
    }

    @Test
    void thePeriodPickerChoosesTheDaysInTheWorkspacesZone() {
        String week = browser.get("/app/analytics?period=7d").body();
        assertThat(week).contains("<option value=\"7d\" selected>Last 7 days</option>");
        assertThat(kpi(week, "page_views")).as("yesterday and today").isEqualTo("6");
        assertThat(series(week)).as("one row a day").hasSize(7);

        String today = browser.get("/app/analytics").body();
        assertThat(today).contains("<option value=\"30d\" selected>Last 30 days</option>");
        assertThat(series(today)).hasSize(30);

        String longAgo = browser.get("/app/analytics?period=custom&from=2025-01-01&to=2025-01-31")
                .body();
        assertThat(longAgo).contains("<option value=\"custom\" selected>Custom range</option>");
        assertThat(kpi(longAgo, "page_views")).isEqualTo("0");
        assertThat(series(longAgo)).hasSize(31);
        assertThat(longAgo).contains("Nothing was measured").contains("href=\"/app/site-keys\"");
    }

    @Test
    void theCsvHoldsWhatThePageShows() {
        var csv = browser.get("/app/analytics.csv?period=today&page=%2Fpricing");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        disposition -> assertThat(disposition).startsWith("attachment; filename=\"analytics-"));
        assertThat(csv.body())
                .startsWith("section,item,measure,value\n")
                .contains("summary,page_views,current,3\n")
                .contains("summary,page_views,previous_period,1\n")
                .contains("summary,bounce_rate,current,0.6667\n")
                .contains("page_url,/pricing,events,3\n")
                .contains("live,last_30_minutes,visitors,1\n")
                .doesNotContain("/blog");
    }

    @Test
    void theLiveCountIsTheVisitorsOfTheLastHalfHourAndRefreshesItself() {
        String page = browser.get("/app/analytics?period=today").body();
        assertThat(page)
                .containsPattern("<strong id=\"live-visitors\" hx-get=\"/app/analytics/live\\?period=today\""
                        + " hx-trigger=\"every 15s\" hx-swap=\"innerHTML\">1</strong>");

        assertThat(browser.get("/app/analytics/live?period=today").body().strip())
                .isEqualTo("1");
        assertThat(browser.get("/app/analytics/live?browser=Firefox").body().strip())
                .as("the filters count")
                .isEqualTo("0");
    }

    @Test
    void onlyMembersWhoMayReadAnalyticsSeeOnlyTheirSitesAndBadPeriodsAreRefused() {
        Accounts.SignedIn viewer = accounts.owner();
        fixtures.addMember(ada.tenantId(), viewer.userId(), "viewer");
        Browser viewing = Browser.signedIn(api, viewer.email());
        var switched = viewing.post(
                "/app/workspace", Map.of("tenant_id", ada.tenantId().toString()));
        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(302);
        var refused = viewing.get("/app/analytics");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(viewing.get("/app/analytics/live").statusCode()).isEqualTo(403);
        assertThat(viewing.get("/app/analytics.csv").statusCode()).isEqualTo(403);
        assertThat(viewing.get("/").body()).doesNotContain("href=\"/app/analytics\"");

        Accounts.SignedIn other = accounts.owner();
        String site = api.post("/api/v1/sites", other.accessToken(), "{\"name\": \"Elsewhere\"}")
                .json()
                .get("id")
                .asString();
        assertThat(browser.get("/app/analytics?site=" + site).statusCode()).isEqualTo(404);
        assertThat(browser.get("/app/analytics.csv?site=" + site).statusCode()).isEqualTo(404);

        for (String bad : List.of(
                "period=yesterday",
                "period=custom",
                "period=custom&from=2026-13-01&to=2026-12-02",
                "period=custom&from=2026-12-02&to=2026-12-01",
                "period=custom&from=2020-01-01&to=2026-01-01",
                "period=custom&from=2999-01-01&to=2999-01-02",
                "site=not-a-site")) {
            assertThat(browser.get("/app/analytics?" + bad).statusCode())
                    .as(bad)
                    .isEqualTo(400);
        }
    }

    @Test
    void aWorkspaceWithoutDataIsToldHowToStart() {
        String page =
                Browser.signedIn(api, accounts.owner()).get("/app/analytics").body();

        assertThat(page).contains("Nothing was measured").contains("href=\"/app/site-keys\"");
        assertThat(kpi(page, "visitors")).isEqualTo("0");
    }

    private static String event(String session, String page, String browserName, Instant at) {
        return """
                {"event_type": "page_view", "session_id": "%s", "page_url": "%s", "browser_name": "%s",
                 "device_type": "desktop", "created_at": "%s"}""".formatted(session, page, browserName, at);
    }

    /** A fixed-offset zone where it is between 12:00 and 13:00 now. */
    private static String noonZone() {
        int offset = 12 - Instant.now().atOffset(ZoneOffset.UTC).getHour();
        return offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset;
    }

    private static String kpi(String page, String key) {
        return tile(page, key, "<strong class=\"analytics-kpi-value\">([^<]*)</strong>");
    }

    private static String change(String page, String key) {
        return tile(page, key, "<span class=\"analytics-kpi-change [a-z]+\">([^<]*)</span>");
    }

    private static String tile(String page, String key, String part) {
        Matcher found = Pattern.compile("id=\"kpi-" + key + "\">.*?" + part, Pattern.DOTALL)
                .matcher(page);
        assertThat(found.find()).as(key).isTrue();
        return found.group(1).strip();
    }

    /** The chart table's rows: page views and visits of each period. */
    private static List<long[]> series(String page) {
        String table = page.substring(
                page.indexOf("id=\"analytics-series\""),
                page.indexOf("</table>", page.indexOf("id=\"analytics-series\"")));
        List<long[]> rows = new ArrayList<>();
        Matcher row = SERIES_ROW.matcher(table);
        while (row.find()) {
            rows.add(new long[] {Long.parseLong(row.group(2)), Long.parseLong(row.group(3))});
        }
        return rows;
    }
}

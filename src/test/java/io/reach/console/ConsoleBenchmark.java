package io.reach.console;

import io.reach.measurement.rollup.TrackerRollups;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.GeneratedTraffic;
import io.reach.support.ReachTest;
import io.reach.tenancy.TenantManagement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Console page times: p50/p95 of every page the navigation offers an owner (found on the home page,
 * so new pages are measured without touching this), over a workspace with {@code bench.events}
 * generated events (10 million by default) and their sessions, rolled up, against the sign-in page
 * (the layout and the session lookup, no data) in the same run, in three rounds. Times are a loopback browser's:
 * request to last byte, so an upper bound of the server's time. Not part of {@code ./mvnw verify};
 * run with bench/console/run.
 */
@ReachTest
class ConsoleBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 10_000_000);
    static final int RUNS = 30;
    static final int ROUNDS = 3;
    static final Pattern NAV_LINK = Pattern.compile("<li><a href=\"(/app/[^\"?]*)\"");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrackerRollups rollups;

    @Autowired
    TenantManagement tenants;

    @Test
    void pageTimes() {
        Accounts.SignedIn owner = accounts.owner();
        TenantId tenant = TenantId.of(owner.tenantId());
        tenants.replaceSettings(tenant.value(), Map.of("time_zone", "Europe/Paris"));
        api.get("/api/v1/analytics/sessions", owner.accessToken()); // makes the default site
        UUID site = transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql("select id from measurement.sites where is_default")
                        .query(UUID.class)
                        .single());
        Instant now = Instant.now();
        long generated = System.nanoTime();
        GeneratedTraffic.write(transactions, jdbc, tenant, site, EVENTS, now);
        GeneratedTraffic.writeSessions(transactions, jdbc, tenant, site, EVENTS, now);
        rollups.runDue();
        System.out.printf("console_generated: %d events in %.1f s%n", EVENTS, (System.nanoTime() - generated) / 1e9);

        Browser browser = Browser.signedIn(api, owner);
        Set<String> pages = new LinkedHashSet<>(List.of("/"));
        NAV_LINK.matcher(browser.get("/").body()).results().forEach(link -> pages.add(link.group(1)));
        pages.add("/app/analytics?period=7d");
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf("console_round: %d of %d%n", round, ROUNDS);
            double baseline = report("sign_in_baseline", browser, "/sign-in", Double.NaN);
            for (String page : pages) {
                report(
                        page.equals("/") ? "home" : page.substring(5).replaceAll("[^a-z0-9]+", "_"),
                        browser,
                        page,
                        baseline);
            }
        }
    }

    /** Prints p50/p95 of {@code path}, and its p95 over the baseline's; answers the p95. */
    private static double report(String name, Browser browser, String path, double baseline) {
        int answered = browser.get(path).statusCode();
        if (answered != 200) {
            System.out.printf("console_%s: answered %d, not measured%n", name, answered);
            return Double.NaN;
        }
        for (int i = 0; i < 2; i++) {
            browser.get(path);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            int status = browser.get(path).statusCode();
            times.add(System.nanoTime() - start);
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
        }
        times.sort(Long::compare);
        double p50 = times.get(RUNS / 2) / 1e6;
        double p95 = times.get((int) Math.ceil(0.95 * RUNS) - 1) / 1e6;
        System.out.printf(
                "console_%s: p50 %.1f ms, p95 %.1f ms%s%n",
                name, p50, p95, Double.isNaN(baseline) ? "" : ", ratio_p95 %.2f".formatted(p95 / baseline));
        return p95;
    }
}

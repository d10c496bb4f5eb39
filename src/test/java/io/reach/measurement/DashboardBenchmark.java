package io.reach.measurement;

import io.reach.measurement.rollup.TrackerRollups;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.GeneratedTraffic;
import io.reach.support.ReachTest;
import io.reach.tenancy.TenantManagement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dashboard latency: p50/p95 of a daily time series and a top-10 of pages over the last 7 days,
 * answered from the rollups (as the API does) against the same answers computed from raw events,
 * over generated events spread evenly over the last six days (written in time order, as they
 * would arrive). Not part of {@code ./mvnw verify}; run
 * with bench/dashboard/run.
 */
@ReachTest
class DashboardBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 10_000_000);
    static final int RUNS = 40;

    @Autowired
    Accounts accounts;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrackerRollups rollups;

    @Autowired
    Sites sites;

    @Autowired
    AnalyticsQueries queries;

    @Autowired
    TenantManagement tenants;

    @Test
    void dashboardLatency() {
        TenantId tenant = TenantId.of(accounts.owner().tenantId());
        Instant now = Instant.now();
        UUID site = transactions.inTransactionAs(tenant, sites::defaultSite).id();
        long generated = System.nanoTime();
        GeneratedTraffic.write(transactions, jdbc, tenant, site, EVENTS, now);
        System.out.printf("dashboard_generated: %d events in %.1f s%n", EVENTS, (System.nanoTime() - generated) / 1e9);
        tenants.replaceSettings(tenant.value(), Map.of("time_zone", "Europe/Paris"));
        long rolled = System.nanoTime();
        rollups.runDue();
        System.out.printf(
                "dashboard_rollup_refresh: %.1f s (hourly and daily rollups of the late window)%n",
                (System.nanoTime() - rolled) / 1e9);

        var scope = new AnalyticsQueries.Scope(now.minus(7, ChronoUnit.DAYS), now, Map.of(), false, site);
        var progress = transactions.inTransactionAs(tenant, () -> rollups.progress(site));
        report(
                "timeseries",
                () -> queries.timeseries("events", "day", ZoneId.of("Europe/Paris"), scope, progress),
                () -> jdbc.sql("""
                        select date_trunc('day', created_at, 'Europe/Paris') as period, count(*) from measurement.trackers
                        where created_at >= :from and created_at < :to and not is_bot group by 1 order by 1""")
                        .param("from", scope.from().atOffset(java.time.ZoneOffset.UTC))
                        .param("to", scope.to().atOffset(java.time.ZoneOffset.UTC))
                        .query()
                        .listOfRows(),
                tenant);
        report(
                "top_pages",
                () -> queries.top("page_url", 10, scope, progress),
                () -> jdbc.sql("""
                        select page_url, count(*) from measurement.trackers
                        where created_at >= :from and created_at < :to and not is_bot
                        group by 1 order by 2 desc limit 10""")
                        .param("from", scope.from().atOffset(java.time.ZoneOffset.UTC))
                        .param("to", scope.to().atOffset(java.time.ZoneOffset.UTC))
                        .query()
                        .listOfRows(),
                tenant);
    }

    private void report(String name, Supplier<?> fromRollups, Supplier<?> fromRaw, TenantId tenant) {
        List<Long> rollup = timings(fromRollups, tenant, RUNS);
        List<Long> raw = timings(fromRaw, tenant, 5);
        System.out.printf("dashboard_%s_rollup: p50 %.1f ms, p95 %.1f ms%n", name, ms(rollup, 50), ms(rollup, 95));
        System.out.printf("dashboard_%s_raw: p50 %.1f ms, p95 %.1f ms%n", name, ms(raw, 50), ms(raw, 95));
        System.out.printf("dashboard_%s_ratio_p95: %.3f%n", name, ms(rollup, 95) / ms(raw, 95));
    }

    private List<Long> timings(Supplier<?> query, TenantId tenant, int runs) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            transactions.inTransactionAs(tenant, query::get);
            times.add(System.nanoTime() - start);
        }
        times.sort(Long::compare);
        return times;
    }

    private static double ms(List<Long> sorted, int percentile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}

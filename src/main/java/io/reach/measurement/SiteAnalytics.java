package io.reach.measurement;

import io.reach.measurement.rollup.RollupRebuilds;
import io.reach.measurement.rollup.TrackerRollups;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What a site's dashboards read (series, top values, sessions, visitor rows) and the rollup
 * rebuilds: one site per read (none given: the workspace's default one, an unknown one is a 404),
 * a window of the last 30 days unless given, each read in one transaction.
 */
@Service
class SiteAnalytics {

    /** One page of a site's rows read for a time window and a cursor. */
    interface SiteRows<T> {
        List<T> read(UUID site, Instant from, Instant to, UUID after, int size);
    }

    /** The site (null: the default one), the window (null ends: the last 30 days) and the filters of a read. */
    record Query(
            @Nullable UUID siteId,
            @Nullable Instant from,
            @Nullable Instant to,
            Map<String, String> filters,
            boolean includeBots) {}

    private final AnalyticsQueries queries;
    private final VisitQueries visits;
    private final TrackerRollups rollups;
    private final RollupRebuilds rebuilds;
    private final TenantZones zones;
    private final Sites sites;
    private final TenantTransactions transactions;
    private final Clock clock;

    SiteAnalytics(
            AnalyticsQueries queries,
            VisitQueries visits,
            TrackerRollups rollups,
            RollupRebuilds rebuilds,
            TenantZones zones,
            Sites sites,
            TenantTransactions transactions,
            Clock clock) {
        this.queries = queries;
        this.visits = visits;
        this.rollups = rollups;
        this.rebuilds = rebuilds;
        this.zones = zones;
        this.sites = sites;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A metric per period, cut in the given time zone (null: the site's, else the workspace's). */
    List<AnalyticsQueries.Point> timeseries(String metric, String interval, @Nullable String timeZone, Query query) {
        return transactions.inTransaction(() -> {
            Sites.Site site = sites.chosen(query.siteId());
            ZoneId zone = timeZone == null ? zones.of(site) : zones.requestedOrConfigured(timeZone);
            return queries.timeseries(metric, interval, zone, scope(query, site), rollups.progress(site.id()));
        });
    }

    List<AnalyticsQueries.Ranked> top(String dimension, int limit, Query query) {
        return transactions.inTransaction(() -> {
            Sites.Site site = sites.chosen(query.siteId());
            return queries.top(dimension, limit, scope(query, site), rollups.progress(site.id()));
        });
    }

    AnalyticsQueries.SessionSummary sessions(Query query) {
        return transactions.inTransaction(() -> queries.sessions(scope(query, sites.chosen(query.siteId()))));
    }

    /** The visits started in the window, filtered as its events are (see {@link VisitQueries}, rollup and sessions). */
    VisitQueries.Visits visits(Query query) {
        return transactions.inTransaction(() -> {
            Sites.Site site = sites.chosen(query.siteId());
            return visits.visits(scope(query, site), rollups.progress(site.id()).hourlyDone());
        });
    }

    /** The visits started in each period of the window (every period, 0 where none), cut in the site's zone. */
    List<AnalyticsQueries.Point> visitsPer(String interval, Query query) {
        return transactions.inTransaction(() -> {
            Sites.Site site = sites.chosen(query.siteId());
            ZoneId zone = zones.of(site);
            AnalyticsQueries.Scope scope = scope(query, site);
            List<Instant> periods = SeriesPeriods.of(interval, zone, scope.from(), scope.to());
            return SeriesPeriods.filled(
                    periods,
                    visits.visitsPer(
                            interval,
                            zone,
                            scope,
                            periods,
                            rollups.progress(site.id()).hourlyDone()),
                    java.math.BigDecimal.ZERO,
                    zone);
        });
    }

    /** The values of a dimension with the most events, from the rollups only (their sessions are not distinct). */
    List<AnalyticsQueries.Ranked> ranked(String dimension, int limit, Query query) {
        return transactions.inTransaction(() -> {
            Sites.Site site = sites.chosen(query.siteId());
            return queries.ranked(dimension, limit, scope(query, site), rollups.progress(site.id()));
        });
    }

    /** The distinct visitors with an event in the last {@code span} (robots left out), filtered. */
    long visitorsInLast(Duration span, @Nullable UUID siteId, Map<String, String> filters) {
        Instant now = clock.instant();
        Query query = new Query(siteId, now.minus(span), now, filters, false);
        return transactions.inTransaction(() -> visits.visitorsSeen(scope(query, sites.chosen(siteId))));
    }

    /** A site read (null: the default one), and the zone its days are cut in: its own, else the workspace's. */
    record SiteZone(UUID id, String name, ZoneId zone) {}

    SiteZone site(@Nullable UUID siteId) {
        return transactions.inTransaction(() -> {
            Sites.Site site = sites.chosen(siteId);
            return new SiteZone(site.id(), site.name(), zones.of(site));
        });
    }

    /** One page of a site's rows of the window. */
    <T> CursorPage<T> rows(
            SiteRows<T> reader, Function<T, UUID> id, @Nullable UUID siteId, TimeWindow window, PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                reader.read(
                        sites.chosen(siteId).id(), window.from(), window.to(), page.afterOrStart(), page.fetchSize()),
                page,
                id));
    }

    /** Queues a recount of the days [from, to), at most 400 of them; one rebuild at a time per tenant. */
    RollupRebuilds.RebuildProgress rebuild(LocalDate from, LocalDate to) {
        if (!from.isBefore(to) || from.plusDays(400).isBefore(to)) {
            throw new BadRequestException("Invalid range", "from must be before to, at most 400 days apart");
        }
        return rebuilds.start(from, to);
    }

    RollupRebuilds.RebuildProgress rebuildProgress(UUID id) {
        return transactions.inTransaction(() -> rebuilds.find(id)).orElseThrow(() -> RebuildNotFound.forId(id));
    }

    private AnalyticsQueries.Scope scope(Query query, Sites.Site site) {
        TimeWindow window = TimeWindow.recent(query.from(), query.to(), Duration.ofDays(30), clock.instant());
        return new AnalyticsQueries.Scope(window.from(), window.to(), query.filters(), query.includeBots(), site.id());
    }
}

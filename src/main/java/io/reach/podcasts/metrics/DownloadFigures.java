package io.reach.podcasts.metrics;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The download report of a podcast or an episode over a period (the last 30 UTC days unless asked):
 * the daily series, totals, the requests not counted by reason, apps, devices, systems and
 * countries, and for a podcast its episodes' downloads since release; with the counting window
 * disclosed beside the figures, as the guidelines ask.
 */
@Service
public class DownloadFigures {

    static final int MAX_DAYS = 1_100;

    private final MetricsQueries queries;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    DownloadFigures(MetricsQueries queries, TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a report covers: a podcast (all its episodes) or one episode of it. */
    public record Subject(
            UUID podcastId,
            String podcastName,
            @Nullable UUID episodeId,
            @Nullable String episodeTitle) {}

    /** Sums over the period; listeners are summed per day (each day's distinct listeners), as listeners are per day. */
    public record Totals(long requests, long downloads, long listenerDays, long adsDelivered, long filtered) {}

    public record Report(
            Subject subject,
            LocalDate from,
            LocalDate to,
            MetricsQueries.Counted counting,
            Totals totals,
            List<MetricsQueries.Day> days,
            Map<String, Long> filteredByReason,
            List<MetricsQueries.Share> apps,
            List<MetricsQueries.Share> devices,
            List<MetricsQueries.Share> operatingSystems,
            List<MetricsQueries.Share> countries,
            List<MetricsQueries.SinceRelease> episodes) {}

    public Report podcast(UUID podcast, @Nullable LocalDate from, @Nullable LocalDate to) {
        return transactions.inTransaction(() -> report(subject(podcast, null), from, to));
    }

    public Report episode(UUID episode, @Nullable LocalDate from, @Nullable LocalDate to) {
        return transactions.inTransaction(() -> report(subjectOfEpisode(episode), from, to));
    }

    /** The same report for a shared link, read as the workspace that shared it. */
    Report shared(
            TenantId tenant, UUID podcast, @Nullable UUID episode, @Nullable LocalDate from, @Nullable LocalDate to) {
        return transactions.inTransactionAs(tenant, () -> report(subject(podcast, episode), from, to));
    }

    /** An episode's requests by hour or day (event count and distinct listeners), by how they were measured. */
    public List<MetricsQueries.RequestRollup> requestRollups(
            UUID episode, boolean hourly, @Nullable LocalDate from, @Nullable LocalDate to) {
        return transactions.inTransaction(() -> {
            subjectOfEpisode(episode);
            LocalDate[] period = period(from, to);
            return queries.requestRollups(episode, hourly, period[0], period[1]);
        });
    }

    /** An episode's daily metrics: total, average and record count of each listener metric and of bytes delivered. */
    public List<MetricsQueries.DailyMetric> dailyMetrics(
            UUID episode, @Nullable LocalDate from, @Nullable LocalDate to) {
        return transactions.inTransaction(() -> {
            subjectOfEpisode(episode);
            LocalDate[] period = period(from, to);
            return queries.dailyMetrics(episode, period[0], period[1]);
        });
    }

    private Subject subjectOfEpisode(UUID episode) {
        UUID podcast = jdbc.sql("select podcast_id from podcasts.episodes where id = :id")
                .param("id", episode)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Episode", episode));
        return subject(podcast, episode);
    }

    /** Daily rows per episode for a CSV export: date, episode id, title, the figures and the reasons. */
    public Subject csv(
            UUID podcast,
            @Nullable UUID episode,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            Consumer<String[]> row) {
        return transactions.inTransaction(() -> {
            Subject subject = subject(podcast, episode);
            LocalDate[] period = period(from, to);
            queries.csvRows(new MetricsQueries.Scope(podcast, episode), period[0], period[1], row);
            return subject;
        });
    }

    private Report report(Subject subject, @Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate[] period = period(from, to);
        MetricsQueries.Scope scope = new MetricsQueries.Scope(subject.podcastId(), subject.episodeId());
        List<MetricsQueries.Day> days = queries.days(scope, period[0], period[1]);
        Totals totals = new Totals(
                days.stream().mapToLong(MetricsQueries.Day::requests).sum(),
                days.stream().mapToLong(MetricsQueries.Day::downloads).sum(),
                days.stream().mapToLong(MetricsQueries.Day::listeners).sum(),
                days.stream().mapToLong(MetricsQueries.Day::adsDelivered).sum(),
                days.stream().mapToLong(MetricsQueries.Day::filtered).sum());
        return new Report(
                subject,
                period[0],
                period[1],
                queries.counted(period[0], period[1]),
                totals,
                days,
                queries.filteredByReason(scope, period[0], period[1]),
                queries.breakdown(scope, "app", period[0], period[1], 20),
                queries.breakdown(scope, "device_category", period[0], period[1], 20),
                queries.breakdown(scope, "os", period[0], period[1], 20),
                queries.breakdown(scope, "country", period[0], period[1], 50),
                subject.episodeId() == null ? queries.sinceRelease(subject.podcastId(), today(), 200) : List.of());
    }

    private Subject subject(UUID podcast, @Nullable UUID episode) {
        String name = jdbc.sql("select name from podcasts.podcasts where id = :id")
                .param("id", podcast)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Podcast", podcast));
        if (episode == null) {
            return new Subject(podcast, name, null, null);
        }
        String title = jdbc.sql("select title from podcasts.episodes where id = :id and podcast_id = :podcast")
                .param("id", episode)
                .param("podcast", podcast)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Episode", episode));
        return new Subject(podcast, name, episode, title);
    }

    private LocalDate[] period(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate last = to == null ? today() : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (last.isBefore(first)) {
            throw new InvalidRequestException(new FieldError("to", "is on or after from"));
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidRequestException(new FieldError("from", "a report covers at most " + MAX_DAYS + " days"));
        }
        return new LocalDate[] {first, Objects.requireNonNull(last)};
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}

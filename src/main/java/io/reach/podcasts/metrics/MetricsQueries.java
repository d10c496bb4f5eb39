package io.reach.podcasts.metrics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the derived download figures of the workspace (its transaction), for one podcast or one episode. */
@Repository
public class MetricsQueries {

    private final JdbcClient jdbc;

    MetricsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whose figures: a podcast's (all its episodes) or one episode's. */
    record Scope(@Nullable UUID podcast, @Nullable UUID episode) {

        String column() {
            return episode != null ? "episode_id" : "podcast_id";
        }

        UUID id() {
            return Objects.requireNonNull(episode != null ? episode : podcast);
        }
    }

    /** One day's figures. */
    public record Day(
            LocalDate date, long requests, long downloads, long listeners, long adsDelivered, long filtered) {}

    List<Day> days(Scope scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select d as date,
                    coalesce(sum(m.metric_value) filter (where m.metric_name = 'requests'), 0) as requests,
                    coalesce(sum(m.metric_value) filter (where m.metric_name = 'downloads'), 0) as downloads,
                    coalesce(sum(m.metric_value) filter (where m.metric_name = 'listeners'), 0) as listeners,
                    coalesce(sum(m.metric_value) filter (where m.metric_name = 'ads_delivered'), 0) as ads,
                    coalesce(sum(m.metric_value) filter (where m.metric_name = 'filtered'), 0) as filtered
                from (select cast(:from as date) + i as d from generate_series(0, cast(:to as date) - cast(:from as date)) i) days
                left join podcasts.listener_metrics m on m.metric_date = d and m.%s = :id
                group by d order by d""".formatted(scope.column()))
                .param("from", from)
                .param("to", to)
                .param("id", scope.id())
                .query((rs, row) -> new Day(
                        rs.getObject("date", LocalDate.class),
                        rs.getLong("requests"),
                        rs.getLong("downloads"),
                        rs.getLong("listeners"),
                        rs.getLong("ads"),
                        rs.getLong("filtered")))
                .list();
    }

    /** Requests not counted over the period, by reason, most first. */
    Map<String, Long> filteredByReason(Scope scope, LocalDate from, LocalDate to) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                select r.key as reason, sum(cast(r.value as bigint)) as requests
                from podcasts.listener_metrics m, jsonb_each_text(m.metric_data) r
                where m.metric_name = 'filtered' and m.%s = :id and m.metric_date between :from and :to
                group by r.key order by requests desc, reason""".formatted(scope.column()))
                .param("from", from)
                .param("to", to)
                .param("id", scope.id())
                .query(rs -> {
                    reasons.put(rs.getString("reason"), rs.getLong("requests"));
                });
        return reasons;
    }

    /** A breakdown of the period's downloads by one of app, device, device_category, os, country. */
    public record Share(@Nullable String value, long downloads) {}

    List<Share> breakdown(Scope scope, String dimension, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                select nullif(value, '') as value, sum(downloads) as downloads from podcasts.download_breakdowns
                where %s = :id and dimension = :dimension and day between :from and :to
                group by value order by downloads desc, value limit :limit""".formatted(scope.column()))
                .param("from", from)
                .param("to", to)
                .param("id", scope.id())
                .param("dimension", dimension)
                .param("limit", limit)
                .query((rs, row) -> new Share(rs.getString("value"), rs.getLong("downloads")))
                .list();
    }

    /** An episode's downloads in its first 1, 3, 7 and 30 days (its release day counting as the first) and in all. */
    public record SinceRelease(
            UUID episodeId,
            String title,
            @Nullable OffsetDateTime publishedAt,
            @Nullable Long day1,
            @Nullable Long day3,
            @Nullable Long day7,
            @Nullable Long day30,
            long allTime) {}

    List<SinceRelease> sinceRelease(UUID podcast, LocalDate today, int limit) {
        return jdbc.sql("""
                select e.id, e.title, e.published_at, r.first_day,
                    sum(m.metric_value) filter (where m.metric_date < r.first_day + 1) as d1,
                    sum(m.metric_value) filter (where m.metric_date < r.first_day + 3) as d3,
                    sum(m.metric_value) filter (where m.metric_date < r.first_day + 7) as d7,
                    sum(m.metric_value) filter (where m.metric_date < r.first_day + 30) as d30,
                    coalesce(sum(m.metric_value), 0) as all_time
                from podcasts.episodes e
                cross join lateral (select coalesce(cast(e.published_at at time zone 'UTC' as date),
                    cast(e.created_at at time zone 'UTC' as date)) as first_day) r
                left join podcasts.listener_metrics m on m.episode_id = e.id and m.metric_name = 'downloads'
                where e.podcast_id = :podcast
                group by e.id, e.title, e.published_at, r.first_day
                order by e.published_at desc nulls last, e.id limit :limit""")
                .param("podcast", podcast)
                .param("limit", limit)
                .query((rs, row) -> {
                    LocalDate first = rs.getObject("first_day", LocalDate.class);
                    return new SinceRelease(
                            Objects.requireNonNull(rs.getObject("id", UUID.class)),
                            Objects.requireNonNull(rs.getString("title")),
                            rs.getObject("published_at", OffsetDateTime.class),
                            complete(first, 1, today, whole(rs.getBigDecimal("d1"))),
                            complete(first, 3, today, whole(rs.getBigDecimal("d3"))),
                            complete(first, 7, today, whole(rs.getBigDecimal("d7"))),
                            complete(first, 30, today, whole(rs.getBigDecimal("d30"))),
                            rs.getLong("all_time"));
                })
                .list();
    }

    private static @Nullable Long whole(java.math.@Nullable BigDecimal sum) {
        return sum == null ? null : sum.longValue();
    }

    /** A figure for the first {@code days} days, once they have all passed (null before: it would still grow). */
    private static @Nullable Long complete(LocalDate first, int days, LocalDate today, @Nullable Long value) {
        if (!first.plusDays(days).isBefore(today.plusDays(1))) {
            return null;
        }
        return value == null ? 0L : value;
    }

    /** The counting window and when the period's days were last counted (the disclosure beside the figures). */
    public record Counted(
            @Nullable String countingWindow, @Nullable OffsetDateTime lastCountedAt, List<String> windows) {}

    Counted counted(LocalDate from, LocalDate to) {
        List<String> windows = new ArrayList<>(jdbc.sql(
                        "select distinct counting_window from podcasts.counted_days where day between :from and :to order by 1")
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> Objects.requireNonNull(rs.getString(1)))
                .list());
        OffsetDateTime last = jdbc.sql(
                        "select max(counted_at) from podcasts.counted_days where day between :from and :to")
                .param("from", from)
                .param("to", to)
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
        String window = jdbc.sql("select counting_window from podcasts.measurement_settings")
                .query(String.class)
                .optional()
                .orElse("utc_day");
        return new Counted(window, last, windows);
    }

    /** Requests of an hour or a day by how they were measured, with their distinct listeners. */
    public record RequestRollup(OffsetDateTime start, String eventType, long eventCount, long uniqueListeners) {}

    List<RequestRollup> requestRollups(UUID episode, boolean hourly, LocalDate from, LocalDate to) {
        String sql = hourly ? """
                select hour as start, event_type, event_count, unique_listeners from podcasts.listener_events_hourly
                where episode_id = :episode and hour >= cast(:from as date) and hour < cast(:to as date) + 1
                order by hour, event_type limit 5000""" : """
                select cast(day as timestamp) at time zone 'UTC' as start, event_type, event_count, unique_listeners
                from podcasts.listener_events_daily where episode_id = :episode and day between :from and :to
                order by day, event_type""";
        return jdbc.sql(sql)
                .param("episode", episode)
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> new RequestRollup(
                        Objects.requireNonNull(rs.getObject("start", OffsetDateTime.class)),
                        Objects.requireNonNull(rs.getString("event_type")),
                        rs.getLong("event_count"),
                        rs.getLong("unique_listeners")))
                .list();
    }

    /** A day's aggregate of one metric of an episode (its total, average and how many records made it). */
    public record DailyMetric(
            LocalDate day,
            String metricName,
            java.math.BigDecimal totalValue,
            java.math.BigDecimal avgValue,
            long recordCount) {}

    List<DailyMetric> dailyMetrics(UUID episode, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select day, metric_name, total_value, avg_value, record_count from podcasts.metrics_daily
                where episode_id = :episode and day between :from and :to order by day, metric_name""")
                .param("episode", episode)
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> new DailyMetric(
                        Objects.requireNonNull(rs.getObject("day", LocalDate.class)),
                        Objects.requireNonNull(rs.getString("metric_name")),
                        Objects.requireNonNull(rs.getBigDecimal("total_value")),
                        Objects.requireNonNull(rs.getBigDecimal("avg_value")),
                        rs.getLong("record_count")))
                .list();
    }

    /** Daily figures per episode for the CSV export. */
    void csvRows(Scope scope, LocalDate from, LocalDate to, java.util.function.Consumer<String[]> row) {
        jdbc.sql("""
                select m.metric_date, e.id, e.title,
                    sum(m.metric_value) filter (where m.metric_name = 'requests') as requests,
                    sum(m.metric_value) filter (where m.metric_name = 'downloads') as downloads,
                    sum(m.metric_value) filter (where m.metric_name = 'listeners') as listeners,
                    sum(m.metric_value) filter (where m.metric_name = 'ads_delivered') as ads,
                    sum(m.metric_value) filter (where m.metric_name = 'filtered') as filtered,
                    max(m.metric_data::text) filter (where m.metric_name = 'filtered') as reasons
                from podcasts.listener_metrics m join podcasts.episodes e on e.id = m.episode_id
                where m.%s = :id and m.metric_date between :from and :to
                group by m.metric_date, e.id, e.title order by m.metric_date, e.title, e.id""".formatted(scope.column()))
                .param("from", from)
                .param("to", to)
                .param("id", scope.id())
                .query(rs -> {
                    row.accept(new String[] {
                        String.valueOf(rs.getObject(1, LocalDate.class)),
                        rs.getString(2),
                        rs.getString(3),
                        String.valueOf(rs.getLong(4)),
                        String.valueOf(rs.getLong(5)),
                        String.valueOf(rs.getLong(6)),
                        String.valueOf(rs.getLong(7)),
                        String.valueOf(rs.getLong(8)),
                        rs.getString(9)
                    });
                });
    }
}

package io.reach.podcasts.counting;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.database.CsvRows;
import io.reach.platform.database.StagedCopy;
import io.reach.platform.ids.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replaces what a day's counting derives, in the workspace's transaction: the downloads (by COPY),
 * the listener metrics per episode, the hourly and daily request rollups (distinct listeners
 * counted from the requests, never summed from hours), the daily metrics and the counted day with
 * the list versions and window it was counted with.
 */
@Repository
class DayResults {

    private static final String DOWNLOAD_COLUMNS = "tenant_id, day, episode_id, podcast_id, downloads, event_ids,"
            + " counted_at, listener_ids, household_keys, bytes_delivered, prefix_measured, ad_downloads, ad_units";
    private static final List<String> DERIVED = List.of(
            "delete from podcasts.downloads where day = :day",
            "delete from podcasts.listener_metrics where metric_date = :day",
            "delete from podcasts.listener_events_daily where day = :day",
            "delete from podcasts.download_breakdowns where day = :day",
            "delete from podcasts.metrics_daily where day = :day",
            "delete from podcasts.listener_events_hourly where hour >= :from and hour < :to");

    private final JdbcClient jdbc;
    private final StagedCopy copy;
    private final JsonMapper json;
    private final Ids ids;

    DayResults(JdbcClient jdbc, StagedCopy copy, JsonMapper json, Ids ids) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.json = json;
        this.ids = ids;
    }

    void replace(String tenant, DayTally tally, CountingWindow window, Map<String, Object> versions, Instant now) {
        LocalDate day = tally.day;
        // Two counts of one day (the schedule and a recount) write one after the other, never interleaved.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('podcasts.count:' || :tenant || ':' || :day))")
                .param("tenant", tenant)
                .param("day", day.toString())
                .query((rs, row) -> 1)
                .list();
        for (String delete : DERIVED) {
            jdbc.sql(delete)
                    .param("day", day)
                    .param("from", day.atStartOfDay().atOffset(ZoneOffset.UTC))
                    .param("to", day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                    .update();
        }
        copyDownloads(tenant, tally);
        metrics(tally);
        rollups(tally);
        jdbc.sql("""
                insert into podcasts.metrics_daily (tenant_id, day, episode_id, metric_name, total_value, avg_value, record_count)
                select tenant_id, metric_date, episode_id, metric_name, sum(metric_value), avg(metric_value), count(*)
                from podcasts.listener_metrics where metric_date = :day and metric_name <> 'filtered'
                group by tenant_id, metric_date, episode_id, metric_name""").param("day", day).update();
        bytesDelivered(tally);
        long downloads = tally.downloads.size();
        jdbc.sql("""
                insert into podcasts.counted_days (tenant_id, day, counting_window, list_versions, requests, downloads, counted_at)
                values (platform.current_tenant_id(), :day, :window, cast(:versions as jsonb), :requests, :downloads, :now)
                on conflict (tenant_id, day) do update set counting_window = excluded.counting_window,
                    list_versions = excluded.list_versions, requests = excluded.requests,
                    downloads = excluded.downloads, counted_at = excluded.counted_at""")
                .param("day", day)
                .param("window", window.code())
                .param("versions", json.writeValueAsString(versions))
                .param("requests", tally.requests)
                .param("downloads", downloads)
                .param("now", utc(now))
                .update();
    }

    /** The day's downloads, a row per episode with one array element per download (in counting order). */
    private void copyDownloads(String tenant, DayTally tally) {
        if (tally.downloads.isEmpty()) {
            return;
        }
        Map<java.util.UUID, List<DownloadCounter.Download>> byEpisode = new java.util.LinkedHashMap<>();
        for (DownloadCounter.Download download : tally.downloads) {
            byEpisode
                    .computeIfAbsent(download.request().episode(), e -> new java.util.ArrayList<>())
                    .add(download);
        }
        CsvRows csv = new CsvRows(tally.downloads.size() * 160);
        String day = tally.day.toString();
        byEpisode.forEach((episode, downloads) -> {
            EpisodeDownloads arrays = new EpisodeDownloads(downloads.size());
            downloads.forEach(arrays::add);
            csv.row(
                    tenant,
                    day,
                    episode.toString(),
                    downloads.getFirst().podcast().toString(),
                    Integer.toString(downloads.size()),
                    arrays.eventIds.close(),
                    arrays.countedAt.close(),
                    arrays.listenerIds.close(),
                    arrays.householdKeys.close(),
                    arrays.bytesDelivered.close(),
                    arrays.prefixMeasured.close(),
                    arrays.adDownloads.close(),
                    arrays.adUnits.close());
        });
        copy.copy("podcasts.downloads", DOWNLOAD_COLUMNS, csv);
    }

    private void metrics(DayTally tally) {
        if (tally.episodes.isEmpty()) {
            return;
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        tally.episodes.forEach((episode, counts) -> {
            Map<String, Long> filtered = new java.util.TreeMap<>();
            counts.filtered.forEach((reason, count) -> filtered.put(reason.code(), count));
            rows.add(metric(episode, counts.podcast, MetricName.REQUESTS, counts.requests, Map.of()));
            rows.add(metric(
                    episode,
                    counts.podcast,
                    MetricName.DOWNLOADS,
                    counts.downloads,
                    Map.of("prefix_measured", counts.prefixMeasured)));
            rows.add(metric(episode, counts.podcast, MetricName.LISTENERS, counts.listeners.size(), Map.of()));
            rows.add(metric(episode, counts.podcast, MetricName.ADS_DELIVERED, counts.adsDelivered, Map.of()));
            rows.add(metric(
                    episode,
                    counts.podcast,
                    MetricName.FILTERED,
                    filtered.values().stream().mapToLong(Long::longValue).sum(),
                    filtered));
        });
        jdbc.sql("""
                insert into podcasts.listener_metrics (tenant_id, id, episode_id, podcast_id, metric_date, metric_name,
                    metric_value, metric_data)
                select platform.current_tenant_id(), i, e, p, :day, n, v, cast(d as jsonb)
                from unnest(cast(:ids as uuid[]), cast(:episodes as uuid[]), cast(:podcasts as uuid[]),
                    cast(:names as text[]), cast(:values as bigint[]), cast(:data as text[])) as m(i, e, p, n, v, d)""")
                .param("day", tally.day)
                .param("ids", column(rows, 0, java.util.UUID[]::new))
                .param("episodes", column(rows, 1, java.util.UUID[]::new))
                .param("podcasts", column(rows, 2, java.util.UUID[]::new))
                .param("names", column(rows, 3, String[]::new))
                .param("values", column(rows, 4, Long[]::new))
                .param("data", column(rows, 5, String[]::new))
                .update();
    }

    private Object[] metric(
            java.util.UUID episode, java.util.UUID podcast, MetricName name, long value, Map<String, ?> data) {
        return new Object[] {ids.next(), episode, podcast, name.code(), value, json.writeValueAsString(data)};
    }

    /** The bytes delivered in the day's downloads per episode: total, average per download, downloads. */
    private void bytesDelivered(DayTally tally) {
        List<Object[]> rows = new java.util.ArrayList<>();
        tally.episodes.forEach((episode, counts) -> {
            if (counts.downloads > 0) {
                rows.add(new Object[] {episode, counts.bytesDelivered, counts.downloads});
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into podcasts.metrics_daily (tenant_id, day, episode_id, metric_name, total_value, avg_value, record_count)
                select platform.current_tenant_id(), :day, e, 'bytes_delivered', b, b::numeric / n, n
                from unnest(cast(:episodes as uuid[]), cast(:bytes as bigint[]), cast(:downloads as bigint[])) as d(e, b, n)""")
                .param("day", tally.day)
                .param("episodes", column(rows, 0, java.util.UUID[]::new))
                .param("bytes", column(rows, 1, Long[]::new))
                .param("downloads", column(rows, 2, Long[]::new))
                .update();
    }

    private void rollups(DayTally tally) {
        insertSlots(tally, true);
        insertSlots(tally, false);
        List<Object[]> rows = new java.util.ArrayList<>();
        tally.episodes.forEach((episode, counts) ->
                counts.breakdowns.forEach((dimension, values) -> values.forEach((value, downloads) ->
                        rows.add(new Object[] {episode, counts.podcast, dimension.code(), value, downloads}))));
        if (!rows.isEmpty()) {
            jdbc.sql("""
                    insert into podcasts.download_breakdowns (tenant_id, day, episode_id, podcast_id, dimension, value, downloads)
                    select platform.current_tenant_id(), :day, e, p, d, v, n
                    from unnest(cast(:episodes as uuid[]), cast(:podcasts as uuid[]), cast(:dimensions as text[]),
                        cast(:values as text[]), cast(:downloads as bigint[])) as b(e, p, d, v, n)""")
                    .param("day", tally.day)
                    .param("episodes", column(rows, 0, java.util.UUID[]::new))
                    .param("podcasts", column(rows, 1, java.util.UUID[]::new))
                    .param("dimensions", column(rows, 2, String[]::new))
                    .param("values", column(rows, 3, String[]::new))
                    .param("downloads", column(rows, 4, Long[]::new))
                    .update();
        }
    }

    /** The hourly or daily request rollup of the day, in one statement. */
    private void insertSlots(DayTally tally, boolean hourly) {
        List<Object[]> rows = new java.util.ArrayList<>();
        tally.rollups().forEach((episode, rollup) -> {
            for (int type = 0; type < DayTally.EVENT_TYPES.size(); type++) {
                if (hourly) {
                    for (int hour = 0; hour < 24; hour++) {
                        if (rollup.hourRequests[hour][type] > 0) {
                            rows.add(new Object[] {
                                tally.day
                                        .atStartOfDay()
                                        .plusHours(hour)
                                        .atOffset(ZoneOffset.UTC)
                                        .toString(),
                                episode,
                                DayTally.EVENT_TYPES.get(type),
                                rollup.hourRequests[hour][type],
                                rollup.hourListeners[hour][type]
                            });
                        }
                    }
                } else if (rollup.dayRequests[type] > 0) {
                    rows.add(new Object[] {
                        tally.day.toString(),
                        episode,
                        DayTally.EVENT_TYPES.get(type),
                        rollup.dayRequests[type],
                        rollup.dayListeners[type]
                    });
                }
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into podcasts.%s (tenant_id, %s, episode_id, event_type, event_count, unique_listeners)
                select platform.current_tenant_id(), s, e, t, c, u
                from unnest(cast(:starts as %s[]), cast(:episodes as uuid[]), cast(:types as text[]),
                    cast(:counts as bigint[]), cast(:uniques as bigint[])) as r(s, e, t, c, u)""".formatted(
                                hourly ? "listener_events_hourly" : "listener_events_daily",
                                hourly ? "hour" : "day",
                                hourly ? "timestamptz" : "date"))
                .param("starts", column(rows, 0, String[]::new))
                .param("episodes", column(rows, 1, java.util.UUID[]::new))
                .param("types", column(rows, 2, String[]::new))
                .param("counts", column(rows, 3, Long[]::new))
                .param("uniques", column(rows, 4, Long[]::new))
                .update();
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int index, java.util.function.IntFunction<T[]> array) {
        T[] values = array.apply(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            values[i] = (T) rows.get(i)[index];
        }
        return values;
    }
}

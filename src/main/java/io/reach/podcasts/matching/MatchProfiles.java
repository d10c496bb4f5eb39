package io.reach.podcasts.matching;

import io.reach.podcasts.matching.Profiles.Evidence;
import io.reach.podcasts.matching.Profiles.PodcastProfile;
import io.reach.podcasts.matching.Profiles.SponsorProfile;
import io.reach.podcasts.sponsorship.Sponsors.Sponsor;
import io.reach.podcasts.transcripts.Embeddings;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what matching needs of the workspace's podcasts in a handful of set-wise queries (no query
 * per podcast): stored transcript embeddings averaged per podcast, segment and flag counts, 90
 * days' downloads by country and device, 30 days' counted downloads, and a few flagged passages.
 */
@Repository
class MatchProfiles {

    static final int AUDIENCE_DAYS = 90;
    static final int BUDGET_DAYS = 30;
    static final int EVIDENCE_PER_PODCAST = 5;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Embeddings embeddings;

    MatchProfiles(JdbcClient jdbc, JsonMapper json, Embeddings embeddings) {
        this.jdbc = jdbc;
        this.json = json;
        this.embeddings = embeddings;
    }

    SponsorProfile sponsor(Sponsor sponsor) {
        String about = String.join(
                ". ",
                java.util.stream.Stream.of(sponsor.industry(), sponsor.description())
                        .filter(Objects::nonNull)
                        .map(Objects::requireNonNull)
                        .toList());
        return new SponsorProfile(
                sponsor.id(),
                sponsor.name(),
                sponsor.industry(),
                about.isBlank() ? null : embeddings.of(about),
                sponsor.targetCountries(),
                sponsor.targetDevices(),
                sponsor.excludedCategories(),
                sponsor.maxCpm(),
                sponsor.budget());
    }

    private record PodcastRow(
            UUID id,
            String name,
            @Nullable String category,
            @Nullable String description) {}

    private static final class Transcribed {
        float[] sum = new float[Embeddings.DIMENSIONS];
        int episodes;
        long segments;
        Map<String, Long> flagged = new TreeMap<>();
    }

    /** The profiles of the podcast given, or of every podcast of the workspace; evidence for the categories. */
    List<PodcastProfile> podcasts(@Nullable UUID only, List<String> evidenceCategories, LocalDate today) {
        List<PodcastRow> rows = jdbc.sql("""
                        select id, name, category, description from podcasts.podcasts
                        where cast(:only as uuid) is null or id = :only order by id""")
                .param("only", only)
                .query((rs, row) -> new PodcastRow(
                        Objects.requireNonNull(rs.getObject("id", UUID.class)),
                        Objects.requireNonNull(rs.getString("name")),
                        rs.getString("category"),
                        rs.getString("description")))
                .list();
        Map<UUID, Transcribed> transcribed = transcribed(only);
        Map<UUID, Map<String, Long>> countries = breakdown(only, "country", today);
        Map<UUID, Map<String, Long>> devices = breakdown(only, "device_category", today);
        Map<UUID, Long> downloads = monthlyDownloads(only, today);
        Map<UUID, List<Evidence>> evidence = evidence(only, evidenceCategories);
        List<PodcastProfile> profiles = new ArrayList<>(rows.size());
        for (PodcastRow row : rows) {
            Transcribed words = transcribed.get(row.id());
            float[] embedding = words != null && words.episodes > 0 ? Embeddings.unit(words.sum) : describe(row);
            profiles.add(new PodcastProfile(
                    row.id(),
                    row.name(),
                    row.category(),
                    embedding,
                    words == null ? 0 : words.episodes,
                    countries.getOrDefault(row.id(), Map.of()),
                    devices.getOrDefault(row.id(), Map.of()),
                    downloads.getOrDefault(row.id(), 0L),
                    words == null ? 0 : words.segments,
                    words == null ? Map.of() : words.flagged,
                    evidence.getOrDefault(row.id(), List.of())));
        }
        return profiles;
    }

    private float @Nullable [] describe(PodcastRow row) {
        String about = String.join(
                ". ",
                java.util.stream.Stream.of(row.name(), row.category(), row.description())
                        .filter(Objects::nonNull)
                        .map(Objects::requireNonNull)
                        .toList());
        return row.description() == null && row.category() == null ? null : embeddings.of(about);
    }

    private Map<UUID, Transcribed> transcribed(@Nullable UUID only) {
        Map<UUID, Transcribed> byPodcast = new HashMap<>();
        jdbc.sql("""
                        select e.podcast_id, t.embedding, t.segment_count, t.flagged_segments::text as flagged
                        from podcasts.transcripts t
                        join podcasts.episodes e on e.tenant_id = t.tenant_id and e.id = t.episode_id
                        where cast(:only as uuid) is null or e.podcast_id = :only""").param("only", only).query(rs -> {
            Transcribed words = byPodcast.computeIfAbsent(
                    Objects.requireNonNull(rs.getObject("podcast_id", UUID.class)), id -> new Transcribed());
            Array embedding = rs.getArray("embedding");
            if (embedding != null) {
                add(words.sum, embedding);
                words.episodes++;
            }
            words.segments += rs.getInt("segment_count");
            Map<String, Long> flagged = json.readValue(
                    Objects.requireNonNull(rs.getString("flagged")), new TypeReference<Map<String, Long>>() {});
            flagged.forEach((category, count) -> words.flagged.merge(category, count, Long::sum));
        });
        return byPodcast;
    }

    private static void add(float[] sum, Array embedding) throws SQLException {
        Object[] values = (Object[]) embedding.getArray();
        for (int i = 0; i < sum.length && i < values.length; i++) {
            sum[i] += ((Number) values[i]).floatValue();
        }
    }

    private Map<UUID, Map<String, Long>> breakdown(@Nullable UUID only, String dimension, LocalDate today) {
        Map<UUID, Map<String, Long>> byPodcast = new HashMap<>();
        jdbc.sql("""
                        select podcast_id, value, sum(downloads) as downloads from podcasts.download_breakdowns
                        where dimension = :dimension and day > :since and day <= :today and value <> ''
                          and (cast(:only as uuid) is null or podcast_id = :only)
                        group by podcast_id, value""")
                .param("dimension", dimension)
                .param("since", today.minusDays(AUDIENCE_DAYS))
                .param("today", today)
                .param("only", only)
                .query(rs -> {
                    byPodcast
                            .computeIfAbsent(
                                    Objects.requireNonNull(rs.getObject("podcast_id", UUID.class)),
                                    id -> new LinkedHashMap<>())
                            .put(Objects.requireNonNull(rs.getString("value")), rs.getLong("downloads"));
                });
        return byPodcast;
    }

    private Map<UUID, Long> monthlyDownloads(@Nullable UUID only, LocalDate today) {
        Map<UUID, Long> byPodcast = new HashMap<>();
        jdbc.sql("""
                        select podcast_id, sum(metric_value) as downloads from podcasts.listener_metrics
                        where metric_name = 'downloads' and metric_date > :since and metric_date <= :today
                          and (cast(:only as uuid) is null or podcast_id = :only)
                        group by podcast_id""")
                .param("since", today.minusDays(BUDGET_DAYS))
                .param("today", today)
                .param("only", only)
                .query(rs -> {
                    byPodcast.put(
                            Objects.requireNonNull(rs.getObject("podcast_id", UUID.class)), rs.getLong("downloads"));
                });
        return byPodcast;
    }

    private Map<UUID, List<Evidence>> evidence(@Nullable UUID only, List<String> categories) {
        Map<UUID, List<Evidence>> byPodcast = new HashMap<>();
        if (categories.isEmpty()) {
            return byPodcast;
        }
        jdbc.sql("""
                        select podcast_id, episode_id, title, starts_ms, body, flags from (
                            select e.podcast_id, s.episode_id, e.title, s.starts_ms, s.body, s.flags,
                                row_number() over (partition by e.podcast_id order by s.episode_id, s.position) as n
                            from podcasts.transcripts t
                            join podcasts.episodes e on e.tenant_id = t.tenant_id and e.id = t.episode_id
                            join podcasts.transcript_segments s
                                on s.tenant_id = t.tenant_id and s.episode_id = t.episode_id and s.flags && cast(:categories as text[])
                            where jsonb_exists_any(t.flagged_segments, cast(:categories as text[]))
                              and (cast(:only as uuid) is null or e.podcast_id = :only)) flagged
                        where n <= :most order by podcast_id, n""")
                .param("categories", categories.toArray(String[]::new))
                .param("only", only)
                .param("most", EVIDENCE_PER_PODCAST)
                .query(rs -> {
                    String body = Objects.requireNonNull(rs.getString("body"));
                    byPodcast
                            .computeIfAbsent(
                                    Objects.requireNonNull(rs.getObject("podcast_id", UUID.class)),
                                    id -> new ArrayList<>())
                            .add(new Evidence(
                                    Objects.requireNonNull(rs.getObject("episode_id", UUID.class)),
                                    Objects.requireNonNull(rs.getString("title")),
                                    rs.getObject("starts_ms", Integer.class),
                                    body.length() > 300 ? body.substring(0, 299) + "…" : body,
                                    texts(rs.getArray("flags"))));
                });
        return byPodcast;
    }

    private static List<String> texts(@Nullable Array array) throws SQLException {
        return array == null
                ? List.of()
                : java.util.Arrays.stream((Object[]) array.getArray())
                        .map(String::valueOf)
                        .toList();
    }
}

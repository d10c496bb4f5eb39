package io.reach.podcasts.transcripts;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.web.Codes;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code podcasts.transcripts} and their segments, in the workspace's transaction. */
@Repository
class Transcripts {

    private static final String SELECT = """
            select episode_id, language, search_config::text as search_config, confidence_score, format, source,
                source_url, segment_count, embedding is not null as embedded, created_at, updated_at
            from podcasts.transcripts""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Transcripts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A transcript as stored, without its words. */
    record Stored(
            UUID episodeId,
            @Nullable String language,
            String searchConfig,
            @Nullable BigDecimal confidenceScore,
            TranscriptFormat format,
            TranscriptSource source,
            @Nullable String sourceUrl,
            int segmentCount,
            boolean embedded,
            Instant createdAt,
            Instant updatedAt) {}

    /** A segment with the brand-safety categories it is flagged with. */
    record FlaggedSegment(Segment segment, List<String> flags) {}

    Optional<Stored> find(UUID episode) {
        return jdbc.sql(SELECT + " where episode_id = :episode")
                .param("episode", episode)
                .query(Transcripts::stored)
                .optional();
    }

    List<FlaggedSegment> segments(UUID episode, int offset, int limit) {
        return jdbc.sql("""
                        select position, starts_ms, ends_ms, speaker, body, flags from podcasts.transcript_segments
                        where episode_id = :episode order by position offset :offset limit :limit""")
                .param("episode", episode)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, row) -> new FlaggedSegment(
                        new Segment(
                                rs.getInt("position"),
                                rs.getObject("starts_ms", Integer.class),
                                rs.getObject("ends_ms", Integer.class),
                                rs.getString("speaker"),
                                Objects.requireNonNull(rs.getString("body"))),
                        texts(rs.getArray("flags"))))
                .list();
    }

    void save(Stored transcript, String content, float[] embedding, List<FlaggedSegment> segments) {
        jdbc.sql("""
                insert into podcasts.transcripts (tenant_id, episode_id, content, language, search_config,
                    confidence_score, format, source, source_url, segment_count, flagged_segments, embedding, created_at,
                    updated_at)
                values (platform.current_tenant_id(), :episode, :content, :language, cast(:config as regconfig),
                    :confidence, :format, :source, :url, :segments, cast(:flagged as jsonb), :embedding, :created,
                    :updated)
                on conflict (tenant_id, episode_id) do update set content = excluded.content,
                    language = excluded.language, search_config = excluded.search_config,
                    confidence_score = excluded.confidence_score, format = excluded.format, source = excluded.source,
                    source_url = excluded.source_url, segment_count = excluded.segment_count, flagged_segments = excluded.flagged_segments,
                    embedding = excluded.embedding, updated_at = excluded.updated_at""")
                .param("episode", transcript.episodeId())
                .param("content", content)
                .param("language", transcript.language())
                .param("config", transcript.searchConfig())
                .param("confidence", transcript.confidenceScore())
                .param("format", transcript.format().code())
                .param("source", transcript.source().code())
                .param("url", transcript.sourceUrl())
                .param("segments", segments.size())
                .param("flagged", json.writeValueAsString(flagged(segments)))
                .param("embedding", embedding)
                .param("created", utc(transcript.createdAt()))
                .param("updated", utc(transcript.updatedAt()))
                .update();
        jdbc.sql("delete from podcasts.transcript_segments where episode_id = :episode")
                .param("episode", transcript.episodeId())
                .update();
        int size = segments.size();
        Integer[] positions = new Integer[size];
        @Nullable Integer[] starts = new Integer[size];
        @Nullable Integer[] ends = new Integer[size];
        @Nullable String[] speakers = new String[size];
        String[] bodies = new String[size];
        String[] flags = new String[size];
        for (int i = 0; i < size; i++) {
            Segment segment = segments.get(i).segment();
            positions[i] = segment.position();
            starts[i] = segment.startsMs();
            ends[i] = segment.endsMs();
            speakers[i] = segment.speaker();
            bodies[i] = segment.body();
            flags[i] = String.join(",", segments.get(i).flags());
        }
        jdbc.sql("""
                insert into podcasts.transcript_segments (tenant_id, episode_id, position, starts_ms, ends_ms, speaker,
                    body, flags, search)
                select platform.current_tenant_id(), :episode, s.position, s.starts, s.ends, s.speaker, s.body,
                    coalesce(string_to_array(nullif(s.flags, ''), ','), '{}'),
                    to_tsvector(cast(:config as regconfig), s.body)
                from unnest(:positions, :starts, :ends, :speakers, :bodies, :flags)
                    as s (position, starts, ends, speaker, body, flags)""")
                .param("episode", transcript.episodeId())
                .param("config", transcript.searchConfig())
                .param("positions", positions)
                .param("starts", starts)
                .param("ends", ends)
                .param("speakers", speakers)
                .param("bodies", bodies)
                .param("flags", flags)
                .update();
    }

    /** How many of the transcript's segments each brand-safety category flags. */
    Map<String, Long> flagCounts(UUID episode) {
        return jdbc.sql("select flagged_segments::text from podcasts.transcripts where episode_id = :episode")
                .param("episode", episode)
                .query((rs, row) -> json.readValue(
                        Objects.requireNonNull(rs.getString(1)), new TypeReference<TreeMap<String, Long>>() {}))
                .optional()
                .map(counts -> (Map<String, Long>) counts)
                .orElse(Map.of());
    }

    private static Map<String, Long> flagged(List<FlaggedSegment> segments) {
        Map<String, Long> counts = new TreeMap<>();
        segments.forEach(segment -> segment.flags().forEach(flag -> counts.merge(flag, 1L, Long::sum)));
        return counts;
    }

    boolean delete(UUID episode) {
        return jdbc.sql("delete from podcasts.transcripts where episode_id = :episode")
                        .param("episode", episode)
                        .update()
                == 1;
    }

    /** The text-search configurations the workspace's transcripts use. */
    List<String> configsInUse() {
        return jdbc.sql("select distinct search_config::text from podcasts.transcripts order by 1")
                .query((rs, row) -> Objects.requireNonNull(rs.getString(1)))
                .list();
    }

    /** A segment that matches a search, with its episode and the matching words marked. */
    record Hit(
            UUID episodeId,
            String episodeTitle,
            UUID podcastId,
            int position,
            @Nullable Integer startsMs,
            @Nullable Integer endsMs,
            @Nullable String speaker,
            String headline,
            double rank) {}

    static final char MARK_START = '\u0002';
    static final char MARK_END = '\u0003';

    List<Hit> search(String config, String query, @Nullable UUID podcast, int limit) {
        return jdbc.sql("""
                        select s.episode_id, e.title, e.podcast_id, s.position, s.starts_ms, s.ends_ms, s.speaker,
                            ts_headline(cast(:config as regconfig), s.body, q, :options) as headline,
                            ts_rank(s.search, q) as rank
                        from podcasts.transcript_segments s
                        join podcasts.transcripts t on t.tenant_id = s.tenant_id and t.episode_id = s.episode_id
                        join podcasts.episodes e on e.tenant_id = s.tenant_id and e.id = s.episode_id,
                            websearch_to_tsquery(cast(:config as regconfig), :query) q
                        where s.search @@ q and t.search_config = cast(:config as regconfig)
                          and (cast(:podcast as uuid) is null or e.podcast_id = :podcast)
                        order by rank desc, e.published_at desc nulls last, s.episode_id, s.position
                        limit :limit""")
                .param("config", config)
                .param("query", query)
                .param("options", "StartSel=" + MARK_START + ", StopSel=" + MARK_END + ", MaxWords=35, MinWords=12")
                .param("podcast", podcast)
                .param("limit", limit)
                .query((rs, row) -> new Hit(
                        Objects.requireNonNull(rs.getObject("episode_id", UUID.class)),
                        Objects.requireNonNull(rs.getString("title")),
                        Objects.requireNonNull(rs.getObject("podcast_id", UUID.class)),
                        rs.getInt("position"),
                        rs.getObject("starts_ms", Integer.class),
                        rs.getObject("ends_ms", Integer.class),
                        rs.getString("speaker"),
                        Objects.requireNonNull(rs.getString("headline")),
                        rs.getDouble("rank")))
                .list();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                Objects.requireNonNull(rs.getObject("episode_id", UUID.class)),
                rs.getString("language"),
                Objects.requireNonNull(rs.getString("search_config")),
                rs.getBigDecimal("confidence_score"),
                Codes.stored(TranscriptFormat.class, Objects.requireNonNull(rs.getString("format"))),
                Codes.stored(TranscriptSource.class, Objects.requireNonNull(rs.getString("source"))),
                rs.getString("source_url"),
                rs.getInt("segment_count"),
                rs.getBoolean("embedded"),
                Objects.requireNonNull(rs.getObject("created_at", OffsetDateTime.class))
                        .toInstant(),
                Objects.requireNonNull(rs.getObject("updated_at", OffsetDateTime.class))
                        .toInstant());
    }

    static List<String> texts(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            texts.add(String.valueOf(value));
        }
        return texts;
    }
}

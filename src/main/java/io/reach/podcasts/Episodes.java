package io.reach.podcasts;

import static io.reach.platform.time.UtcTimes.instantOrNull;
import static io.reach.platform.time.UtcTimes.utc;
import static io.reach.platform.time.UtcTimes.utcOrNull;

import io.reach.platform.tenant.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's episodes and the audio addresses each has had. */
@Repository
class Episodes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, String>>> LINKS = new TypeReference<>() {};
    private static final String COLUMNS = """
            id, podcast_id, guid, title, description, episode_number, season, episode_type, published_at,
            duration_seconds, duration_estimated, audio_url, audio_type, explicit, file_bytes, id3_bytes, bitrate,
            threshold_bytes, transcripts::text as transcripts, chapters_url, persons::text as persons, created_at,
            updated_at""";
    /**
     * Adds or refreshes an episode by its guid. A changed enclosure forgets the audio facts measured
     * for the old file (they are the new file's to measure); a measured duration is kept.
     */
    private static final String UPSERT = """
            insert into podcasts.episodes (tenant_id, id, podcast_id, guid, title, description, episode_number, season,
                episode_type, published_at, duration_seconds, audio_url, audio_type, explicit, file_bytes,
                transcripts, chapters_url, persons, created_at, updated_at)
            values (:tenant, :id, :podcast, :guid, :title, :description, :episode_number, :season, :episode_type,
                    :published_at, :duration_seconds, :audio_url, :audio_type, :explicit, :file_bytes,
                    cast(:transcripts as jsonb), :chapters_url, cast(:persons as jsonb), :now, :now)
            on conflict (tenant_id, podcast_id, guid) do update set
                title = excluded.title, description = excluded.description,
                episode_number = excluded.episode_number, season = excluded.season,
                episode_type = excluded.episode_type, published_at = excluded.published_at,
                duration_seconds = case when episodes.duration_estimated then excluded.duration_seconds
                                        else episodes.duration_seconds end,
                audio_url = excluded.audio_url, audio_type = excluded.audio_type, explicit = excluded.explicit,
                file_bytes = case when episodes.audio_url is distinct from excluded.audio_url then excluded.file_bytes
                                  else coalesce(episodes.file_bytes, excluded.file_bytes) end,
                id3_bytes = case when episodes.audio_url is distinct from excluded.audio_url then null
                                 else episodes.id3_bytes end,
                bitrate = case when episodes.audio_url is distinct from excluded.audio_url then null
                               else episodes.bitrate end,
                threshold_bytes = case when episodes.audio_url is distinct from excluded.audio_url then null
                                       else episodes.threshold_bytes end,
                transcripts = excluded.transcripts, chapters_url = excluded.chapters_url, persons = excluded.persons,
                updated_at = excluded.updated_at
            returning id, (xmax = 0) as created""";

    private static final String ENCLOSURE = """
            insert into podcasts.episode_enclosures (tenant_id, episode_id, audio_url, file_bytes, first_seen_at,
                last_seen_at)
            values (:tenant, :episode, :audio_url, :file_bytes, :now, :now)
            on conflict (tenant_id, episode_id, audio_url) do update set last_seen_at = excluded.last_seen_at,
                file_bytes = coalesce(excluded.file_bytes, episode_enclosures.file_bytes)""";

    private final JdbcClient jdbc;

    Episodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An episode saved by guid: its id, and whether it is new. */
    record Saved(UUID id, boolean created) {}

    Saved save(UUID newId, UUID podcast, EpisodeDetails episode, Instant now) {
        Saved saved = jdbc.sql(UPSERT)
                .param("tenant", TenantContext.require().value())
                .param("id", newId)
                .param("podcast", podcast)
                .param("guid", episode.guid())
                .param("title", episode.title())
                .param("description", episode.description())
                .param("episode_number", episode.episodeNumber())
                .param("season", episode.season())
                .param("episode_type", episode.episodeType())
                .param("published_at", utcOrNull(episode.publishedAt()))
                .param("duration_seconds", episode.durationSeconds())
                .param("audio_url", episode.audioUrl())
                .param("audio_type", episode.audioType())
                .param("explicit", episode.explicit())
                .param("file_bytes", episode.fileBytes())
                .param("transcripts", JSON.writeValueAsString(episode.transcripts()))
                .param("chapters_url", episode.chaptersUrl())
                .param("persons", JSON.writeValueAsString(episode.persons()))
                .param("now", utc(now))
                .query((rs, row) -> new Saved(rs.getObject("id", UUID.class), rs.getBoolean("created")))
                .single();
        if (episode.audioUrl() != null) {
            jdbc.sql(ENCLOSURE)
                    .param("tenant", TenantContext.require().value())
                    .param("episode", saved.id())
                    .param("audio_url", episode.audioUrl())
                    .param("file_bytes", episode.fileBytes())
                    .param("now", utc(now))
                    .update();
        }
        return saved;
    }

    boolean exists(UUID podcast, String guid) {
        return jdbc.sql("select exists (select 1 from podcasts.episodes where podcast_id = :podcast and guid = :guid)")
                .param("podcast", podcast)
                .param("guid", guid)
                .query(Boolean.class)
                .single();
    }

    Optional<Episode> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from podcasts.episodes where id = :id")
                .param("id", id)
                .query(Episodes::episode)
                .optional();
    }

    /** A podcast's episodes, newest first by id below the cursor. */
    List<Episode> page(UUID podcast, UUID before, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from podcasts.episodes where podcast_id = :podcast and id < :before order by id desc"
                        + " limit :limit")
                .param("podcast", podcast)
                .param("before", before)
                .param("limit", limit)
                .query(Episodes::episode)
                .list();
    }

    /** Every audio address the episode has had, oldest first. */
    List<String> enclosures(UUID episode) {
        return jdbc.sql("select audio_url from podcasts.episode_enclosures where episode_id = :episode"
                        + " order by first_seen_at, audio_url")
                .param("episode", episode)
                .query((rs, row) -> java.util.Objects.requireNonNull(rs.getString("audio_url")))
                .list();
    }

    /** Stores what was measured of the episode's audio. */
    void measured(UUID id, @org.jspecify.annotations.Nullable Long fileBytes, AudioFacts facts, Instant now) {
        jdbc.sql("""
                        update podcasts.episodes set file_bytes = coalesce(:file_bytes, file_bytes), id3_bytes = :id3,
                            bitrate = :bitrate, threshold_bytes = :threshold,
                            duration_seconds = case when :measured then coalesce(:duration, duration_seconds)
                                                    else duration_seconds end,
                            duration_estimated = duration_estimated and not :measured, updated_at = :now,
                            audio_checked_at = :now
                        where id = :id""")
                .param("id", id)
                .param("file_bytes", fileBytes)
                .param("id3", facts.id3Bytes())
                .param("bitrate", facts.bitrateKbps())
                .param("threshold", facts.thresholdBytes())
                .param("duration", facts.durationSeconds())
                .param("measured", !facts.estimated() && facts.durationSeconds() != null)
                .param("now", utc(now))
                .update();
    }

    /** A measurement of the audio was tried and failed: not tried again for a day. */
    void audioUnreachable(UUID id, Instant now) {
        jdbc.sql("update podcasts.episodes set audio_checked_at = :now where id = :id")
                .param("id", id)
                .param("now", utc(now))
                .update();
    }

    /** The podcast's episodes whose audio has an address but no threshold, not tried in the last day. */
    List<UUID> unmeasured(UUID podcast, Instant now, int limit) {
        return jdbc.sql("""
                        select id from podcasts.episodes where podcast_id = :podcast and audio_url is not null
                            and threshold_bytes is null and (audio_checked_at is null or audio_checked_at < :retry)
                        order by published_at desc nulls last, id limit :limit""")
                .param("podcast", podcast)
                .param("retry", utc(now.minus(java.time.Duration.ofDays(1))))
                .param("limit", limit)
                .query((rs, row) -> java.util.Objects.requireNonNull(rs.getObject("id", UUID.class)))
                .list();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from podcasts.episodes where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Episode episode(ResultSet rs, int row) throws SQLException {
        return new Episode(
                rs.getObject("id", UUID.class),
                rs.getObject("podcast_id", UUID.class),
                rs.getString("guid"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getObject("episode_number", BigDecimal.class),
                rs.getObject("season", Integer.class),
                rs.getString("episode_type"),
                instantOrNull(rs.getObject("published_at", OffsetDateTime.class)),
                rs.getObject("duration_seconds", Integer.class),
                rs.getBoolean("duration_estimated"),
                rs.getString("audio_url"),
                rs.getString("audio_type"),
                rs.getBoolean("explicit"),
                rs.getObject("file_bytes", Long.class),
                rs.getObject("id3_bytes", Integer.class),
                rs.getObject("bitrate", Integer.class),
                rs.getObject("threshold_bytes", Long.class),
                JSON.readValue(rs.getString("transcripts"), LINKS),
                rs.getString("chapters_url"),
                JSON.readValue(rs.getString("persons"), LINKS),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}

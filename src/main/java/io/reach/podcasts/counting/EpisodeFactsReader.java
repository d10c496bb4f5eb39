package io.reach.podcasts.counting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace's episodes as counting needs them, with the ads placed in each. */
@Repository
class EpisodeFactsReader {

    private final JdbcClient jdbc;

    EpisodeFactsReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, EpisodeFacts> all() {
        Map<UUID, List<EpisodeFacts.AdPlacement>> ads = new HashMap<>();
        jdbc.sql("select id, episode_id, position_seconds, duration_seconds, insertion from podcasts.ad_units")
                .query(rs -> {
                    ads.computeIfAbsent(
                                    Objects.requireNonNull(rs.getObject("episode_id", UUID.class)),
                                    e -> new ArrayList<>())
                            .add(new EpisodeFacts.AdPlacement(
                                    Objects.requireNonNull(rs.getObject("id", UUID.class)),
                                    rs.getDouble("position_seconds"),
                                    rs.getDouble("duration_seconds"),
                                    "dynamic".equals(rs.getString("insertion"))));
                });
        Map<UUID, EpisodeFacts> episodes = new HashMap<>();
        jdbc.sql("""
                select id, podcast_id, threshold_bytes, file_bytes, id3_bytes, bitrate, duration_seconds
                from podcasts.episodes""").query(rs -> {
            UUID id = Objects.requireNonNull(rs.getObject("id", UUID.class));
            episodes.put(
                    id,
                    new EpisodeFacts(
                            id,
                            Objects.requireNonNull(rs.getObject("podcast_id", UUID.class)),
                            rs.getObject("threshold_bytes", Long.class),
                            rs.getObject("file_bytes", Long.class),
                            rs.getObject("id3_bytes", Integer.class),
                            rs.getObject("bitrate", Integer.class),
                            rs.getObject("duration_seconds", Integer.class),
                            List.copyOf(ads.getOrDefault(id, List.of()))));
        });
        return episodes;
    }
}

package io.reach.podcasts;

import static io.reach.platform.time.UtcTimes.instantOrNull;
import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's podcasts. */
@Repository
class Podcasts {

    private static final String COLUMNS = """
            id, name, description, rss_feed_url, website_url, category, language, artwork_url, owner_name,
            owner_email, explicit, podcast_guid, feed_synced_at, created_at, updated_at""";
    private static final String ADD = """
            insert into podcasts.podcasts (tenant_id, id, name, description, rss_feed_url, website_url, category,
                language, artwork_url, owner_name, owner_email, explicit, podcast_guid, created_at, updated_at)
            values (:tenant, :id, :name, :description, :rss_feed_url, :website_url, :category, :language,
                    :artwork_url, :owner_name, :owner_email, :explicit, :podcast_guid, :now, :now)
            on conflict do nothing""";
    private static final String UPDATE = """
            update podcasts.podcasts set name = :name, description = :description, rss_feed_url = :rss_feed_url,
                website_url = :website_url, category = :category, language = :language, artwork_url = :artwork_url,
                owner_name = :owner_name, owner_email = :owner_email, explicit = :explicit,
                podcast_guid = :podcast_guid, updated_at = :now
            where id = :id""";

    private final JdbcClient jdbc;

    Podcasts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a podcast; false when the workspace has one with that feed. */
    boolean add(UUID id, PodcastDetails details, Instant now) {
        return bind(jdbc.sql(ADD), details)
                        .param("tenant", TenantContext.require().value())
                        .param("id", id)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** Changes a podcast; false when another of the workspace's podcasts has that feed. */
    boolean update(UUID id, PodcastDetails details, Instant now) {
        try {
            return bind(jdbc.sql(UPDATE), details)
                            .param("id", id)
                            .param("now", utc(now))
                            .update()
                    == 1;
        } catch (org.springframework.dao.DuplicateKeyException feedTaken) {
            return false;
        }
    }

    Optional<Podcast> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from podcasts.podcasts where id = :id")
                .param("id", id)
                .query(Podcasts::podcast)
                .optional();
    }

    Optional<Podcast> withFeed(String url) {
        return jdbc.sql("select " + COLUMNS + " from podcasts.podcasts where rss_feed_url = :url")
                .param("url", url)
                .query(Podcasts::podcast)
                .optional();
    }

    /** In the order they were added (ids are time-ordered), after the cursor. */
    List<Podcast> page(UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from podcasts.podcasts where id > :after order by id limit :limit")
                .param("after", after)
                .param("limit", limit)
                .query(Podcasts::podcast)
                .list();
    }

    /** Podcasts with a feed not synced since {@code before}, the longest waiting first. */
    List<Podcast> dueForSync(Instant before, int limit) {
        return jdbc.sql("select " + COLUMNS + " from podcasts.podcasts where rss_feed_url is not null"
                        + " and (feed_synced_at is null or feed_synced_at < :before)"
                        + " order by feed_synced_at nulls first, id limit :limit")
                .param("before", utc(before))
                .param("limit", limit)
                .query(Podcasts::podcast)
                .list();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from podcasts.podcasts where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The validators of the feed's last fetch: ETag and Last-Modified (either may be null). */
    record FeedState(
            @org.jspecify.annotations.Nullable String etag,
            @org.jspecify.annotations.Nullable String lastModified) {}

    Optional<FeedState> feedState(String url) {
        return jdbc.sql("select feed_etag, feed_last_modified from podcasts.podcasts where rss_feed_url = :url")
                .param("url", url)
                .query((rs, row) -> new FeedState(rs.getString("feed_etag"), rs.getString("feed_last_modified")))
                .optional();
    }

    void fetched(UUID id, FeedState state, Instant at) {
        jdbc.sql("update podcasts.podcasts set feed_etag = :etag, feed_last_modified = :modified, feed_synced_at = :at"
                        + " where id = :id")
                .param("id", id)
                .param("etag", state.etag() == null || state.etag().length() > 500 ? null : state.etag())
                .param(
                        "modified",
                        state.lastModified() == null || state.lastModified().length() > 100
                                ? null
                                : state.lastModified())
                .param("at", utc(at))
                .update();
    }

    void synced(UUID id, Instant at) {
        jdbc.sql("update podcasts.podcasts set feed_synced_at = :at where id = :id")
                .param("id", id)
                .param("at", utc(at))
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, PodcastDetails details) {
        return sql.param("name", details.name())
                .param("description", details.description())
                .param("rss_feed_url", details.rssFeedUrl())
                .param("website_url", details.websiteUrl())
                .param("category", details.category())
                .param("language", details.language())
                .param("artwork_url", details.artworkUrl())
                .param("owner_name", details.ownerName())
                .param("owner_email", details.ownerEmail())
                .param("explicit", details.explicit())
                .param("podcast_guid", details.podcastGuid());
    }

    private static Podcast podcast(ResultSet rs, int row) throws SQLException {
        return new Podcast(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("rss_feed_url"),
                rs.getString("website_url"),
                rs.getString("category"),
                rs.getString("language"),
                rs.getString("artwork_url"),
                rs.getString("owner_name"),
                rs.getString("owner_email"),
                rs.getBoolean("explicit"),
                rs.getObject("podcast_guid", UUID.class),
                instantOrNull(rs.getObject("feed_synced_at", OffsetDateTime.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}

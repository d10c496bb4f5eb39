package io.reach.social;

import io.reach.social.platform.PlatformAdapters;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channel catalog ({@code social.social_channels}, a global table). */
@Repository
class SocialChannels {

    private static final String ALL = "select * from social.social_channels order by channel_name";
    private static final String BY_NAME = "select * from social.social_channels where channel_name = :name";

    private final JdbcClient jdbc;
    private final PlatformAdapters adapters;

    SocialChannels(JdbcClient jdbc, PlatformAdapters adapters) {
        this.jdbc = jdbc;
        this.adapters = adapters;
    }

    List<SocialChannel> all() {
        return jdbc.sql(ALL).query(SocialChannels::channel).list();
    }

    Optional<SocialChannel> byName(String name) {
        return jdbc.sql(BY_NAME)
                .param("name", name)
                .query(SocialChannels::channel)
                .optional();
    }

    /** The catalog as offered to people: without platforms that are listed only when configured and are not. */
    List<SocialChannel> offered() {
        return all().stream().filter(this::isOffered).toList();
    }

    /** The platforms an account can be connected to here: those whose app credentials are set. */
    List<SocialChannel> connectable() {
        return all().stream()
                .filter(channel -> adapters.configured(channel.channelName()).isPresent())
                .toList();
    }

    Optional<SocialChannel> offeredByName(String name) {
        return byName(name).filter(this::isOffered);
    }

    private boolean isOffered(SocialChannel channel) {
        return adapters.any(channel.channelName())
                .map(p -> p.isConfigured() || p.listedWhenNotConfigured())
                .orElse(true);
    }

    private static SocialChannel channel(ResultSet rs, int row) throws SQLException {
        return new SocialChannel(
                rs.getObject("id", UUID.class),
                rs.getString("channel_name"),
                rs.getString("channel_display_name"),
                rs.getString("channel_url"),
                rs.getString("api_endpoint"),
                rs.getString("icon_url"),
                rs.getBoolean("is_active"),
                rs.getBoolean("requires_oauth"),
                rs.getObject("max_video_length", Integer.class),
                strings(rs.getArray("supported_formats")),
                rs.getInt("max_text_length"),
                rs.getInt("min_media"),
                rs.getInt("max_media"),
                strings(rs.getArray("allowed_media_types")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}

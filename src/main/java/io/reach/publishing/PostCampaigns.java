package io.reach.publishing;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What attribution asks of posts, in the caller's workspace transaction: whether a post is the workspace's, and its campaign. */
@Component
public class PostCampaigns {

    private final JdbcClient jdbc;

    PostCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the current workspace has this post. */
    public boolean exists(UUID post) {
        return jdbc.sql("select exists (select 1 from publishing.posts where id = :post)")
                .param("post", post)
                .query(Boolean.class)
                .single();
    }

    /** The campaign the post's published copies are linked to (the latest linked), if any. */
    public Optional<UUID> campaignOf(UUID post) {
        return jdbc.sql("""
                        select campaign_id from publishing.social_posts
                        where post_id = :post and campaign_id is not null
                        order by published_at desc limit 1""")
                .param("post", post)
                .query((rs, row) -> java.util.Objects.requireNonNull(rs.getObject("campaign_id", UUID.class)))
                .optional();
    }
}

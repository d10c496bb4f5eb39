package io.reach.campaigns.sending;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audience a message campaign is sent to besides its uploaded recipients: a list or a segment
 * of the workspace's contacts, kept in the campaign's metadata ({@code audience}) until sending
 * starts, when its contacts are added as recipients.
 */
@Repository
class CampaignAudiences {

    /** A list or a segment, by id. */
    record Audience(String type, UUID id) {}

    private final JdbcClient jdbc;

    CampaignAudiences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void set(Channel channel, UUID campaign, @Nullable Audience audience) {
        jdbc.sql(
                        "update " + channel.campaigns + " set metadata = case when cast(:type as text) is null"
                                + " then metadata - 'audience' else metadata || jsonb_build_object('audience',"
                                + " jsonb_build_object('type', cast(:type as text), 'id', cast(:id as text))) end where id = :campaign")
                .param("campaign", campaign)
                .param("type", audience == null ? null : audience.type())
                .param("id", audience == null ? null : audience.id().toString())
                .update();
    }

    Optional<Audience> of(Channel channel, UUID campaign) {
        return jdbc.sql("select metadata -> 'audience' ->> 'type' as type, metadata -> 'audience' ->> 'id' as id from "
                        + channel.campaigns + " where id = :campaign and jsonb_exists(metadata, 'audience')")
                .param("campaign", campaign)
                .query((rs, row) -> new Audience(rs.getString("type"), UUID.fromString(rs.getString("id"))))
                .optional();
    }
}

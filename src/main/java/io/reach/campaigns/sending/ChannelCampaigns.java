package io.reach.campaigns.sending;

import io.reach.campaigns.CampaignNotFound;
import io.reach.campaigns.Sql;
import io.reach.platform.time.UtcTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sending state of e-mail and SMS campaigns: draft → sending ⇄ paused → sent, or cancelled
 * before it is sent. Each change is one conditional update, so two requests cannot both win.
 */
@Repository
class ChannelCampaigns {

    private static final String STATUS = "select status from %s where tenant_id = :tenant and id = :id";
    private static final String MOVE = """
            update %s set status = :to, updated_at = :now,
                sent_at = case when :to = 'sending' then coalesce(sent_at, :now) else sent_at end,
                metadata = case when :to = 'paused' then metadata || jsonb_build_object('paused_reason', cast(:reason as text))
                                else metadata - 'paused_reason' end
            where tenant_id = :tenant and id = :id and status = any(cast(:from as text[]))""";
    private static final String FINISH = """
            update %1$s c set status = 'sent', completed_at = :now, updated_at = :now
            where c.tenant_id = :tenant and c.id = :id and c.status = 'sending'
              and not exists (select 1 from %2$s s where s.tenant_id = :tenant and s.%3$s = :id
                              and s.status in ('queued', 'sending'))""";
    private static final String SENDING = "select id from %s where tenant_id = :tenant and status = 'sending'";
    private static final String HEADER = """
            select c.campaign_id, c.retailer_id, c.status, t.lineage_id from %s c
            left join campaigns.templates t on t.tenant_id = c.tenant_id and t.id = c.template_id
            where c.tenant_id = :tenant and c.id = :id""";

    private final JdbcClient jdbc;

    ChannelCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MessageCampaignStatus> status(Channel channel, UUID id) {
        return jdbc.sql(STATUS.formatted(channel.campaigns))
                .param("tenant", Sql.tenant())
                .param("id", id)
                .query(String.class)
                .optional()
                .map(MessageCampaignStatus::ofCode);
    }

    /** Whether the campaign is being sent now. */
    boolean isSending(Channel channel, UUID id) {
        return status(channel, id).orElse(null) == MessageCampaignStatus.SENDING;
    }

    /** Makes {@code move}, or answers 409 saying what the campaign is. */
    void move(Channel channel, UUID id, MessageCampaignMove move, String reason, Instant now) {
        move(channel, id, move.from, move.to, reason, now);
    }

    /** Makes {@code move} if the campaign is in one of the states it starts from. */
    boolean tryMove(Channel channel, UUID id, MessageCampaignMove move, String reason, Instant now) {
        return tryMove(channel, id, move.from, move.to, reason, now);
    }

    /** Moves the campaign from one of {@code from} to {@code to}, or answers 409 saying what it is. */
    void move(
            Channel channel,
            UUID id,
            List<MessageCampaignStatus> from,
            MessageCampaignStatus to,
            String reason,
            Instant now) {
        if (!tryMove(channel, id, from, to, reason, now)) {
            throw MessageCampaignStatus.refusal(channel, status(channel, id).orElse(null), to);
        }
    }

    /** Moves the campaign from one of {@code from} (each a move the status allows) to {@code to}, if it is in one. */
    boolean tryMove(
            Channel channel,
            UUID id,
            List<MessageCampaignStatus> from,
            MessageCampaignStatus to,
            String reason,
            Instant now) {
        if (!from.stream().allMatch(status -> status.canMoveTo(to))) {
            throw new IllegalArgumentException("Not a move of a message campaign: " + from + " to " + to);
        }
        return jdbc.sql(MOVE.formatted(channel.campaigns))
                        .param("tenant", Sql.tenant())
                        .param("id", id)
                        .param("to", to.code())
                        .param("reason", reason)
                        .param(
                                "from",
                                from.stream().map(MessageCampaignStatus::code).toArray(String[]::new))
                        .param("now", UtcTimes.utcOrNull(now))
                        .update()
                == 1;
    }

    /** Marks the campaign sent once no row is left queued or being sent. */
    boolean finishIfDone(Channel channel, UUID id, Instant now) {
        return jdbc.sql(FINISH.formatted(channel.campaigns, channel.sends, channel.campaignColumn))
                        .param("tenant", Sql.tenant())
                        .param("id", id)
                        .param("now", UtcTimes.utcOrNull(now))
                        .update()
                == 1;
    }

    private static UUID id(ResultSet rs, int row) throws SQLException {
        return rs.getObject("id", UUID.class);
    }

    List<UUID> sending(Channel channel) {
        return jdbc.sql(SENDING.formatted(channel.campaigns))
                .param("tenant", Sql.tenant())
                .query(ChannelCampaigns::id)
                .list();
    }

    /** Who and what an e-mail or SMS campaign belongs to: its campaign, the retailer sending it, its template. */
    record Header(
            UUID id,
            UUID campaignId,
            @Nullable UUID retailerId,
            MessageCampaignStatus status,
            @Nullable UUID templateId) {}

    Header header(Channel channel, UUID id) {
        return jdbc.sql(HEADER.formatted(channel.campaigns))
                .param("tenant", Sql.tenant())
                .param("id", id)
                .query((rs, row) -> new Header(
                        id,
                        rs.getObject("campaign_id", UUID.class),
                        Sql.uuid(rs, "retailer_id"),
                        MessageCampaignStatus.ofCode(rs.getString("status")),
                        Sql.uuid(rs, "lineage_id")))
                .optional()
                .orElseThrow(() -> CampaignNotFound.ofChannel(channel, id));
    }
}

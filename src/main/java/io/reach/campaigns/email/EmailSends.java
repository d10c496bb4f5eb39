package io.reach.campaigns.email;

import io.reach.campaigns.Sql;
import io.reach.campaigns.sending.EmailSendStatus;
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
import tools.jackson.databind.JsonNode;

/** Reading and updating single e-mail sends: per-recipient views, opens, clicks, deliveries, bounces. */
@Repository
class EmailSends {

    /** The states of {@code email_sends.status} (its CHECK constraint), in their order of progress. */
    static final List<String> STATUSES = java.util.Arrays.stream(EmailSendStatus.values())
            .map(EmailSendStatus::code)
            .toList();

    private static final String COLUMNS = """
            id, email_campaign_id, recipient_email, recipient_name, variables, status, message_id, sent_at, delivered_at,
            opened_at, clicked_at, bounced_at, unsubscribed_at, open_count, machine_open_count, click_count,
            machine_click_count, bounce_reason, metadata, created_at""";
    private static final String PAGE = "select " + COLUMNS + """
             from campaigns.email_sends
            where tenant_id = :tenant and email_campaign_id = :campaign and id > :after
              and (cast(:status as text) is null or status = :status)
              and (cast(:address as text) is null or strpos(lower(recipient_email), lower(:address)) > 0)
            order by id limit :limit""";
    private static final String FIND =
            "select " + COLUMNS + " from campaigns.email_sends where tenant_id = :tenant and id = :id";
    private static final String OPEN = """
            update campaigns.email_sends set
                open_count = open_count + case when :machine then 0 else 1 end,
                machine_open_count = machine_open_count + case when :machine then 1 else 0 end,
                opened_at = case when :machine then opened_at else coalesce(opened_at, :now) end,
                status = case when not :machine and status in ('sent', 'delivered') then 'opened' else status end
            where tenant_id = :tenant and id = :id""";
    private static final String CLICK = """
            update campaigns.email_sends set
                click_count = click_count + case when :machine then 0 else 1 end,
                machine_click_count = machine_click_count + case when :machine then 1 else 0 end,
                clicked_at = case when :machine then clicked_at else coalesce(clicked_at, :now) end,
                opened_at = case when :machine then opened_at else coalesce(opened_at, :now) end,
                status = case when not :machine and status in ('sent', 'delivered', 'opened') then 'clicked' else status end
            where tenant_id = :tenant and id = :id""";
    private static final String UNSUBSCRIBED = """
            update campaigns.email_sends set unsubscribed_at = coalesce(unsubscribed_at, :now)
            where tenant_id = :tenant and id = :id""";
    private static final String DELIVERED = """
            update campaigns.email_sends set delivered_at = coalesce(delivered_at, :at),
                status = case when status = 'sent' then 'delivered' else status end
            where tenant_id = :tenant and id = :id and status not in ('queued', 'sending', 'suppressed')""";
    private static final String BOUNCED = """
            update campaigns.email_sends set bounced_at = coalesce(bounced_at, :at), status = 'bounced',
                bounce_reason = :reason, metadata = metadata || jsonb_build_object('bounce_type', cast(:type as text))
            where tenant_id = :tenant and id = :id and status not in ('queued', 'sending', 'suppressed')""";
    private static final String COMPLAINED = """
            update campaigns.email_sends set metadata = metadata || jsonb_build_object('complained_at', cast(:at as text))
            where tenant_id = :tenant and id = :id""";

    private final JdbcClient jdbc;

    EmailSends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record EmailSend(
            UUID id,
            UUID emailCampaignId,
            String recipientEmail,
            @Nullable String recipientName,
            JsonNode variables,
            String status,
            @Nullable String messageId,
            @Nullable Instant sentAt,
            @Nullable Instant deliveredAt,
            @Nullable Instant openedAt,
            @Nullable Instant clickedAt,
            @Nullable Instant bouncedAt,
            @Nullable Instant unsubscribedAt,
            int openCount,
            int machineOpenCount,
            int clickCount,
            int machineClickCount,
            @Nullable String bounceReason,
            JsonNode metadata,
            Instant createdAt) {}

    List<EmailSend> page(UUID campaign, UUID after, int limit, @Nullable String status) {
        return page(campaign, after, limit, status, null);
    }

    /** Sends after {@code after}, of {@code status} if given, whose address contains {@code address} if given. */
    List<EmailSend> page(UUID campaign, UUID after, int limit, @Nullable String status, @Nullable String address) {
        return jdbc.sql(PAGE)
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("after", after)
                .param("limit", limit)
                .param("status", status)
                .param("address", address)
                .query(EmailSends::row)
                .list();
    }

    Optional<EmailSend> find(UUID id) {
        return jdbc.sql(FIND)
                .param("tenant", Sql.tenant())
                .param("id", id)
                .query(EmailSends::row)
                .optional();
    }

    void opened(UUID id, boolean machine, Instant now) {
        jdbc.sql(OPEN)
                .param("tenant", Sql.tenant())
                .param("id", id)
                .param("machine", machine)
                .param("now", UtcTimes.utcOrNull(now))
                .update();
    }

    void clicked(UUID id, boolean machine, Instant now) {
        jdbc.sql(CLICK)
                .param("tenant", Sql.tenant())
                .param("id", id)
                .param("machine", machine)
                .param("now", UtcTimes.utcOrNull(now))
                .update();
    }

    void unsubscribed(UUID id, Instant now) {
        jdbc.sql(UNSUBSCRIBED)
                .param("tenant", Sql.tenant())
                .param("id", id)
                .param("now", UtcTimes.utcOrNull(now))
                .update();
    }

    boolean delivered(UUID id, Instant at) {
        return jdbc.sql(DELIVERED)
                        .param("tenant", Sql.tenant())
                        .param("id", id)
                        .param("at", UtcTimes.utcOrNull(at))
                        .update()
                == 1;
    }

    boolean bounced(UUID id, String type, String reason, Instant at) {
        return jdbc.sql(BOUNCED)
                        .param("tenant", Sql.tenant())
                        .param("id", id)
                        .param("type", type)
                        .param("reason", reason)
                        .param("at", UtcTimes.utcOrNull(at))
                        .update()
                == 1;
    }

    boolean complained(UUID id, Instant at) {
        return jdbc.sql(COMPLAINED)
                        .param("tenant", Sql.tenant())
                        .param("id", id)
                        .param("at", at.toString())
                        .update()
                == 1;
    }

    private static EmailSend row(ResultSet rs, int row) throws SQLException {
        return new EmailSend(
                rs.getObject("id", UUID.class),
                rs.getObject("email_campaign_id", UUID.class),
                rs.getString("recipient_email"),
                rs.getString("recipient_name"),
                Sql.json(rs, "variables"),
                rs.getString("status"),
                rs.getString("message_id"),
                Sql.instant(rs, "sent_at"),
                Sql.instant(rs, "delivered_at"),
                Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "clicked_at"),
                Sql.instant(rs, "bounced_at"),
                Sql.instant(rs, "unsubscribed_at"),
                rs.getInt("open_count"),
                rs.getInt("machine_open_count"),
                rs.getInt("click_count"),
                rs.getInt("machine_click_count"),
                rs.getString("bounce_reason"),
                Sql.json(rs, "metadata"),
                Sql.requiredInstant(rs, "created_at"));
    }
}

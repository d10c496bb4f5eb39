package io.reach.campaigns.sms;

import io.reach.campaigns.CampaignNotFound;
import io.reach.campaigns.Sql;
import io.reach.campaigns.sending.MessageCampaignStatus;
import io.reach.campaigns.sending.SmsSendStatus;
import io.reach.platform.time.UtcTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's SMS campaigns and, by send, their delivery status. */
@Repository
public class SmsCampaigns {

    private static final String COLUMNS = """
            id, campaign_id, template_id, sms_content, sender_number, status, created_by, retailer_id, created_at,
            updated_at, sent_at, completed_at, total_recipients, metadata""";
    private static final String INSERT = """
            insert into campaigns.sms_campaigns (tenant_id, id, campaign_id, template_id, sms_content, sender_number,
                status, created_by, retailer_id, created_at, updated_at, metadata)
            values (:tenant, :id, :campaign, :template, :content, :sender, 'draft', :createdBy, :retailer, :now, :now,
                :metadata::jsonb)""";
    private static final String FIND =
            "select " + COLUMNS + " from campaigns.sms_campaigns where tenant_id = :tenant and id = :id";
    private static final String PAGE = "select " + COLUMNS + """
             from campaigns.sms_campaigns
            where tenant_id = :tenant and id < :before and (cast(:campaign as uuid) is null or campaign_id = :campaign)
              and (cast(:retailer as uuid) is null or retailer_id = :retailer)
            order by id desc limit :limit""";
    private static final String SENDS = """
            select id, sms_campaign_id, recipient_phone, recipient_name, variables, status, provider_message_id, segments,
                   sent_at, delivered_at, failure_reason, metadata, created_at
            from campaigns.sms_sends
            where tenant_id = :tenant and sms_campaign_id = :campaign and id > :after
              and (cast(:id as uuid) is null or id = :id)
              and (cast(:address as text) is null or strpos(recipient_phone, :address) > 0)
            order by id limit :limit""";
    // Status moves forward only: pending < sent < delivered | failed (a late 'sent' does not undo 'delivered').
    private static final String STATUS = """
            update campaigns.sms_sends set
                status = case when status = 'sending' or %1$s < %2$s then :status else status end,
                delivered_at = case when :status = 'delivered' then coalesce(delivered_at, :now) else delivered_at end,
                sent_at = case when :status in ('sent', 'delivered') then coalesce(sent_at, :now) else sent_at end,
                failure_reason = case when :status = 'failed' then :reason else failure_reason end,
                provider_message_id = coalesce(provider_message_id, :sid),
                metadata = metadata || jsonb_build_object('provider_status', cast(:providerStatus as text))
            where tenant_id = :tenant and id = :id and status not in ('queued', 'suppressed')""".formatted(rank("status"), rank(":status"));

    private final JdbcClient jdbc;

    SmsCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SmsSend(
            UUID id,
            UUID smsCampaignId,
            String recipientPhone,
            @Nullable String recipientName,
            tools.jackson.databind.JsonNode variables,
            String status,
            @Nullable String providerMessageId,
            @Nullable Integer segments,
            java.time.@Nullable Instant sentAt,
            java.time.@Nullable Instant deliveredAt,
            @Nullable String failureReason,
            tools.jackson.databind.JsonNode metadata,
            java.time.Instant createdAt) {}

    public void insert(SmsCampaign s) {
        jdbc.sql(INSERT)
                .param("tenant", Sql.tenant())
                .param("id", s.id())
                .param("campaign", s.campaignId())
                .param("template", s.templateId())
                .param("content", s.smsContent())
                .param("sender", s.senderNumber())
                .param("createdBy", s.createdBy())
                .param("retailer", s.retailerId())
                .param("now", UtcTimes.utcOrNull(s.createdAt()))
                .param("metadata", s.metadata().toString())
                .update();
    }

    SmsCampaign get(UUID id) {
        return jdbc.sql(FIND)
                .param("tenant", Sql.tenant())
                .param("id", id)
                .query(SmsCampaigns::row)
                .optional()
                .orElseThrow(() -> CampaignNotFound.smsCampaign(id));
    }

    public List<SmsCampaign> page(UUID before, int limit, @Nullable UUID campaign, @Nullable UUID retailer) {
        return jdbc.sql(PAGE)
                .param("tenant", Sql.tenant())
                .param("before", before)
                .param("limit", limit)
                .param("campaign", campaign)
                .param("retailer", retailer)
                .query(SmsCampaigns::row)
                .list();
    }

    List<SmsSend> sends(UUID campaign, UUID after, int limit, @Nullable UUID id) {
        return sends(campaign, after, limit, id, null);
    }

    /** Sends after {@code after} (only {@code id} if given) whose number contains {@code address} if given. */
    List<SmsSend> sends(UUID campaign, UUID after, int limit, @Nullable UUID id, @Nullable String address) {
        return jdbc.sql(SENDS)
                .param("address", address)
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("after", after)
                .param("limit", limit)
                .param("id", id)
                .query((rs, row) -> new SmsSend(
                        rs.getObject("id", UUID.class),
                        rs.getObject("sms_campaign_id", UUID.class),
                        rs.getString("recipient_phone"),
                        rs.getString("recipient_name"),
                        Sql.json(rs, "variables"),
                        rs.getString("status"),
                        rs.getString("provider_message_id"),
                        (Integer) rs.getObject("segments"),
                        Sql.instant(rs, "sent_at"),
                        Sql.instant(rs, "delivered_at"),
                        rs.getString("failure_reason"),
                        Sql.json(rs, "metadata"),
                        Sql.requiredInstant(rs, "created_at")))
                .list();
    }

    /** Applies a provider status (pending, sent, delivered or failed) to a send; false when there is no such send. */
    boolean status(
            UUID send,
            SmsSendStatus status,
            @Nullable String reason,
            @Nullable String sid,
            String providerStatus,
            java.time.Instant now) {
        return jdbc.sql(STATUS)
                        .param("tenant", Sql.tenant())
                        .param("id", send)
                        .param("status", status.code())
                        .param("reason", reason)
                        .param("sid", sid)
                        .param("providerStatus", providerStatus)
                        .param("now", UtcTimes.utcOrNull(now))
                        .update()
                == 1;
    }

    private static String rank(String status) {
        return "(case " + status
                + " when 'pending' then 1 when 'sent' then 2 when 'delivered' then 3 when 'failed' then 3"
                + " else 0 end)";
    }

    private static SmsCampaign row(ResultSet rs, int row) throws SQLException {
        return new SmsCampaign(
                rs.getObject("id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                Sql.uuid(rs, "template_id"),
                rs.getString("sms_content"),
                rs.getString("sender_number"),
                MessageCampaignStatus.ofCode(rs.getString("status")),
                rs.getObject("created_by", UUID.class),
                Sql.uuid(rs, "retailer_id"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.requiredInstant(rs, "updated_at"),
                Sql.instant(rs, "sent_at"),
                Sql.instant(rs, "completed_at"),
                rs.getInt("total_recipients"),
                Sql.json(rs, "metadata"));
    }
}

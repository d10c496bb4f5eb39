package io.reach.campaigns.email;

import io.reach.campaigns.CampaignNotFound;
import io.reach.campaigns.Sql;
import io.reach.campaigns.sending.MessageCampaignStatus;
import io.reach.platform.time.UtcTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's e-mail campaigns. */
@Repository
public class EmailCampaigns {

    private static final String COLUMNS = """
            id, campaign_id, template_id, email_subject, email_content, email_text, sender_email, sender_name, status,
            created_by, retailer_id, created_at, updated_at, sent_at, completed_at, total_recipients, metadata""";
    private static final String INSERT = """
            insert into campaigns.email_campaigns (tenant_id, id, campaign_id, template_id, email_subject, email_content,
                email_text, sender_email, sender_name, status, created_by, retailer_id, created_at, updated_at, metadata)
            values (:tenant, :id, :campaign, :template, :subject, :content, :text, :senderEmail, :senderName, 'draft',
                :createdBy, :retailer, :now, :now, :metadata::jsonb)""";
    private static final String FIND =
            "select " + COLUMNS + " from campaigns.email_campaigns where tenant_id = :tenant and id = :id";
    private static final String PAGE = "select " + COLUMNS + """
             from campaigns.email_campaigns
            where tenant_id = :tenant and id < :before and (cast(:campaign as uuid) is null or campaign_id = :campaign)
              and (cast(:retailer as uuid) is null or retailer_id = :retailer)
            order by id desc limit :limit""";

    private final JdbcClient jdbc;

    EmailCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(EmailCampaign e) {
        jdbc.sql(INSERT)
                .param("tenant", Sql.tenant())
                .param("id", e.id())
                .param("campaign", e.campaignId())
                .param("template", e.templateId())
                .param("subject", e.emailSubject())
                .param("content", e.emailContent())
                .param("text", e.emailText())
                .param("senderEmail", e.senderEmail())
                .param("senderName", e.senderName())
                .param("createdBy", e.createdBy())
                .param("retailer", e.retailerId())
                .param("now", UtcTimes.utcOrNull(e.createdAt()))
                .param("metadata", e.metadata().toString())
                .update();
    }

    EmailCampaign get(UUID id) {
        return jdbc.sql(FIND)
                .param("tenant", Sql.tenant())
                .param("id", id)
                .query(EmailCampaigns::row)
                .optional()
                .orElseThrow(() -> CampaignNotFound.emailCampaign(id));
    }

    public List<EmailCampaign> page(UUID before, int limit, @Nullable UUID campaign, @Nullable UUID retailer) {
        return jdbc.sql(PAGE)
                .param("tenant", Sql.tenant())
                .param("before", before)
                .param("limit", limit)
                .param("campaign", campaign)
                .param("retailer", retailer)
                .query(EmailCampaigns::row)
                .list();
    }

    private static EmailCampaign row(ResultSet rs, int row) throws SQLException {
        return new EmailCampaign(
                rs.getObject("id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                Sql.uuid(rs, "template_id"),
                rs.getString("email_subject"),
                rs.getString("email_content"),
                rs.getString("email_text"),
                rs.getString("sender_email"),
                rs.getString("sender_name"),
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

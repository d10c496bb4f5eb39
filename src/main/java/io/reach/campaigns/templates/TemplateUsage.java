package io.reach.campaigns.templates;

import io.reach.campaigns.Sql;
import io.reach.platform.ids.Ids;
import io.reach.platform.time.UtcTimes;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps each template's usage analytics current ({@code campaign_templates}, and per retailer
 * {@code template_retailer_usage}) as campaigns start, reach recipients and convert them (a
 * recipient converts by clicking through). Counted across all versions of a template.
 */
@Repository
public class TemplateUsage {

    private static final String TOUCH = """
            insert into campaigns.campaign_templates (tenant_id, template_id, template_name, template_type, is_active,
                created_at, updated_at)
            values (:tenant, :template, :name, :type, :active, :now, :now)
            on conflict (tenant_id, template_id) do update set template_name = excluded.template_name,
                template_type = excluded.template_type, is_active = excluded.is_active, updated_at = excluded.updated_at""";
    private static final String USED = """
            update campaigns.campaign_templates set usage_count = usage_count + 1, updated_at = :now
            where tenant_id = :tenant and template_id = :template""";
    private static final String RETAILER = """
            insert into campaigns.template_retailer_usage as u (tenant_id, id, template_id, retailer_id, campaign_id,
                campaigns_joined, total_sends, last_active_date, created_at)
            values (:tenant, :id, :template, :retailer, :campaign, 1, 0, :now, :now)
            on conflict (tenant_id, template_id, retailer_id) do update set campaign_id = excluded.campaign_id,
                last_active_date = excluded.last_active_date,
                campaigns_joined = (select count(distinct x.campaign_id) from (
                    select e.campaign_id from campaigns.email_campaigns e join campaigns.templates t
                      on t.tenant_id = e.tenant_id and t.id = e.template_id
                    where e.tenant_id = :tenant and e.retailer_id = :retailer and t.lineage_id = :template
                    union select s.campaign_id from campaigns.sms_campaigns s join campaigns.templates t
                      on t.tenant_id = s.tenant_id and t.id = s.template_id
                    where s.tenant_id = :tenant and s.retailer_id = :retailer and t.lineage_id = :template) x)""";
    private static final String RETAILERS = """
            update campaigns.campaign_templates set updated_at = :now, unique_retailers_count = (
                select count(*) from campaigns.template_retailer_usage where tenant_id = :tenant and template_id = :template)
            where tenant_id = :tenant and template_id = :template""";
    private static final String REACH = """
            with added as (
                insert into campaigns.template_recipients (tenant_id, template_id, recipient, first_sent_at)
                select :tenant, :template, r, :now from unnest(cast(:recipients as text[])) r
                on conflict do nothing returning 1)
            update campaigns.campaign_templates set updated_at = :now,
                unique_recipients_count = unique_recipients_count + (select count(*) from added),
                conversion_rate = """
            + TemplateUsage.RATE.replace(
                    "unique_recipients_count", "(unique_recipients_count + (select count(*) from added))")
            + " " + """
            where tenant_id = :tenant and template_id = :template""";
    private static final String RATE =
            "case when unique_recipients_count = 0 then 0 else least(100, round(100.0 * conversions_count / unique_recipients_count, 2)) end";
    private static final String SENDS = """
            update campaigns.template_retailer_usage set total_sends = total_sends + :sends, last_active_date = :now
            where tenant_id = :tenant and template_id = :template and retailer_id = :retailer""";
    private static final String CONVERT = """
            with converted as (
                update campaigns.template_recipients set converted = true
                where tenant_id = :tenant and template_id = :template and recipient = :recipient and not converted
                returning 1)
            update campaigns.campaign_templates set updated_at = :now,
                conversions_count = conversions_count + (select count(*) from converted),
                conversion_rate = """
            + TemplateUsage.RATE.replace("conversions_count", "(conversions_count + (select count(*) from converted))")
            + " " + """
            where tenant_id = :tenant and template_id = :template and exists (select 1 from converted)""";
    private static final String STATS_COLUMNS = """
            select template_id, template_name, template_type, usage_count, unique_retailers_count,
                   unique_recipients_count, conversions_count, conversion_rate, is_active, metadata, created_at, updated_at
            from campaigns.campaign_templates where tenant_id = :tenant""";
    private static final String STATS = STATS_COLUMNS + " and template_id = :template";
    /** The ranking columns {@link #top} may order by. */
    static final Set<String> RANKINGS =
            Set.of("usage_count", "unique_retailers_count", "unique_recipients_count", "conversion_rate");

    private static final String BY_RETAILER = """
            select id, template_id, retailer_id, campaign_id, campaigns_joined, total_sends, last_active_date, created_at
            from campaigns.template_retailer_usage where tenant_id = :tenant and template_id = :template
            order by last_active_date desc, id""";

    private final JdbcClient jdbc;
    private final Ids ids;

    TemplateUsage(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    record Stats(
            UUID templateId,
            String templateName,
            String templateType,
            long usageCount,
            long uniqueRetailersCount,
            long uniqueRecipientsCount,
            long conversionsCount,
            BigDecimal conversionRate,
            boolean isActive,
            tools.jackson.databind.JsonNode metadata,
            Instant createdAt,
            Instant updatedAt) {}

    record RetailerUsage(
            UUID usageId,
            UUID templateId,
            UUID retailerId,
            UUID campaignId,
            int campaignsJoined,
            long totalSends,
            Instant lastActiveDate,
            Instant createdAt) {}

    /** Brings the template's name, type and availability into its analytics row (made on first save). */
    void touch(StoredTemplate template, Instant now) {
        jdbc.sql(TOUCH)
                .param("tenant", Sql.tenant())
                .param("template", template.templateId())
                .param("name", template.templateName())
                .param("type", template.templateType().code())
                .param("active", template.isActive())
                .param("now", UtcTimes.utcOrNull(now))
                .update();
    }

    /** A campaign started sending with the template, for {@code retailer} when a retailer sends it. */
    public void used(UUID template, UUID campaign, @Nullable UUID retailer, Instant now) {
        jdbc.sql(USED)
                .param("tenant", Sql.tenant())
                .param("template", template)
                .param("now", UtcTimes.utcOrNull(now))
                .update();
        if (retailer != null) {
            jdbc.sql(RETAILER)
                    .param("tenant", Sql.tenant())
                    .param("id", ids.next())
                    .param("template", template)
                    .param("retailer", retailer)
                    .param("campaign", campaign)
                    .param("now", UtcTimes.utcOrNull(now))
                    .update();
            jdbc.sql(RETAILERS)
                    .param("tenant", Sql.tenant())
                    .param("template", template)
                    .param("now", UtcTimes.utcOrNull(now))
                    .update();
        }
    }

    /** Messages made from the template went out to these recipients (lower-case addresses or numbers). */
    public void reached(UUID template, @Nullable UUID retailer, Collection<String> recipients, Instant now) {
        if (recipients.isEmpty()) {
            return;
        }
        jdbc.sql(REACH)
                .param("tenant", Sql.tenant())
                .param("template", template)
                .param("recipients", recipients.toArray(String[]::new))
                .param("now", UtcTimes.utcOrNull(now))
                .update();
        if (retailer != null) {
            jdbc.sql(SENDS)
                    .param("tenant", Sql.tenant())
                    .param("template", template)
                    .param("retailer", retailer)
                    .param("sends", recipients.size())
                    .param("now", UtcTimes.utcOrNull(now))
                    .update();
        }
    }

    public void converted(UUID template, String recipient, Instant now) {
        jdbc.sql(CONVERT)
                .param("tenant", Sql.tenant())
                .param("template", template)
                .param("recipient", recipient)
                .param("now", UtcTimes.utcOrNull(now))
                .update();
    }

    Optional<Stats> stats(UUID template) {
        return jdbc.sql(STATS)
                .param("tenant", Sql.tenant())
                .param("template", template)
                .query(TemplateUsage::stats)
                .optional();
    }

    /** The templates ranked by one of {@link #RANKINGS} (the reference model's top_templates_coverage), used ones only. */
    List<Stats> top(String ranking, int limit) {
        if (!RANKINGS.contains(ranking)) {
            throw new InvalidRequestException(new FieldError(
                    "metric", "must be one of " + RANKINGS.stream().sorted().toList()));
        }
        return jdbc.sql(STATS_COLUMNS + " and usage_count > 0 order by " + ranking + " desc, template_id limit :limit")
                .param("tenant", Sql.tenant())
                .param("limit", limit)
                .query(TemplateUsage::stats)
                .list();
    }

    private static Stats stats(ResultSet rs, int row) throws SQLException {
        return new Stats(
                rs.getObject("template_id", UUID.class),
                rs.getString("template_name"),
                rs.getString("template_type"),
                rs.getLong("usage_count"),
                rs.getLong("unique_retailers_count"),
                rs.getLong("unique_recipients_count"),
                rs.getLong("conversions_count"),
                rs.getBigDecimal("conversion_rate"),
                rs.getBoolean("is_active"),
                Sql.json(rs, "metadata"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.requiredInstant(rs, "updated_at"));
    }

    List<RetailerUsage> byRetailer(UUID template) {
        return jdbc.sql(BY_RETAILER)
                .param("tenant", Sql.tenant())
                .param("template", template)
                .query((rs, row) -> new RetailerUsage(
                        rs.getObject("id", UUID.class),
                        rs.getObject("template_id", UUID.class),
                        rs.getObject("retailer_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getInt("campaigns_joined"),
                        rs.getLong("total_sends"),
                        Sql.requiredInstant(rs, "last_active_date"),
                        Sql.requiredInstant(rs, "created_at")))
                .list();
    }
}

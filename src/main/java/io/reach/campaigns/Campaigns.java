package io.reach.campaigns;

import io.reach.platform.time.UtcTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's campaigns ({@code campaigns.campaigns}). */
@Repository
class Campaigns {

    private static final String COLUMNS = """
            id, sponsor_id, name, description, status, stage, stage_changed_at, start_date, end_date, budget_allocated,
            budget_spent, currency, target_audience, campaign_settings, created_by, created_at, updated_at""";
    private static final String INSERT = """
            insert into campaigns.campaigns (tenant_id, id, sponsor_id, name, description, status, stage, stage_changed_at,
                start_date, end_date, budget_allocated, budget_spent, currency, target_audience, campaign_settings,
                created_by, created_at, updated_at)
            values (:tenant, :id, :sponsorId, :name, :description, :status, :stage, :stageChangedAt, :startDate, :endDate,
                :budgetAllocated, 0, :currency, :targetAudience::jsonb, :campaignSettings::jsonb, :createdBy, :createdAt,
                :updatedAt)""";
    private static final String UPDATE = """
            update campaigns.campaigns set sponsor_id = :sponsorId, name = :name, description = :description,
                status = :status, stage = :stage, stage_changed_at = :stageChangedAt, start_date = :startDate,
                end_date = :endDate, budget_allocated = :budgetAllocated, currency = :currency,
                target_audience = :targetAudience::jsonb, campaign_settings = :campaignSettings::jsonb,
                updated_at = :updatedAt
            where tenant_id = :tenant and id = :id""";
    private static final String FIND =
            "select " + COLUMNS + " from campaigns.campaigns where tenant_id = :tenant and id = :id";
    private static final String LOCK = FIND + " for update";
    private static final String PAGE = "select " + COLUMNS + """
             from campaigns.campaigns
            where tenant_id = :tenant and id < :before and (cast(:status as text) is null or status = :status)
              and (cast(:name as text) is null or position(lower(:name) in lower(name)) > 0)
            order by id desc limit :limit""";

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Campaign campaign) {
        bind(jdbc.sql(INSERT), campaign)
                .param("createdBy", campaign.authorship().createdBy())
                .param("createdAt", UtcTimes.utc(campaign.authorship().createdAt()))
                .update();
    }

    /** Writes every field but the budget spent, which only {@link Budgets} changes. */
    void update(Campaign campaign) {
        bind(jdbc.sql(UPDATE), campaign).update();
    }

    Optional<Campaign> find(UUID id) {
        return jdbc.sql(FIND)
                .param("tenant", Sql.tenant())
                .param("id", id)
                .query(Campaigns::row)
                .optional();
    }

    Campaign get(UUID id) {
        return find(id).orElseThrow(() -> CampaignNotFound.forId(id));
    }

    /** The campaign, locked until the transaction ends (status changes read and write it in one step). */
    Campaign lock(UUID id) {
        return jdbc.sql(LOCK)
                .param("tenant", Sql.tenant())
                .param("id", id)
                .query(Campaigns::row)
                .optional()
                .orElseThrow(() -> CampaignNotFound.forId(id));
    }

    List<Campaign> page(UUID before, int limit, @Nullable CampaignStatus status, @Nullable String name) {
        return jdbc.sql(PAGE)
                .param("tenant", Sql.tenant())
                .param("before", before)
                .param("limit", limit)
                .param("status", status == null ? null : status.code())
                .param("name", name)
                .query(Campaigns::row)
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Campaign c) {
        return spec.param("tenant", Sql.tenant())
                .param("id", c.id())
                .param("sponsorId", c.brief().sponsorId())
                .param("name", c.brief().name())
                .param("description", c.brief().description())
                .param("status", c.status().code())
                .param("stage", c.stage().stage().code())
                .param("stageChangedAt", UtcTimes.utc(c.stage().since()))
                .param("startDate", UtcTimes.utcOrNull(c.schedule().start()))
                .param("endDate", UtcTimes.utcOrNull(c.schedule().end()))
                .param("budgetAllocated", c.budget().allocated())
                .param("currency", c.budget().currency())
                .param("targetAudience", c.setup().targetAudience().toString())
                .param("campaignSettings", c.setup().settings().toString())
                .param("updatedAt", UtcTimes.utc(c.authorship().updatedAt()));
    }

    static Campaign row(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                rs.getObject("id", UUID.class),
                new CampaignBrief(rs.getString("name"), rs.getString("description"), Sql.uuid(rs, "sponsor_id")),
                CampaignStatus.ofCode(rs.getString("status")),
                new CurrentStage(
                        CampaignStage.ofCode(rs.getString("stage")), Sql.requiredInstant(rs, "stage_changed_at")),
                new Schedule(Sql.instant(rs, "start_date"), Sql.instant(rs, "end_date")),
                new Budget(
                        rs.getBigDecimal("budget_allocated"),
                        rs.getBigDecimal("budget_spent"),
                        rs.getString("currency")),
                new CampaignSetup(Sql.json(rs, "target_audience"), Sql.json(rs, "campaign_settings")),
                new Authorship(
                        rs.getObject("created_by", UUID.class),
                        Sql.requiredInstant(rs, "created_at"),
                        Sql.requiredInstant(rs, "updated_at")));
    }
}

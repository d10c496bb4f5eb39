package io.reach.campaigns;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every stage a campaign entered ({@code campaigns.stage_changes}), by whom and when. */
@Repository
class StageHistory {

    private static final String INSERT = """
            insert into campaigns.stage_changes (tenant_id, id, campaign_id, from_stage, to_stage, changed_by, changed_at)
            values (:tenant, :id, :campaign, :from, :to, :by, :at)""";
    private static final String PAGE = """
            select id, from_stage, to_stage, changed_by, changed_at from campaigns.stage_changes
            where tenant_id = :tenant and campaign_id = :campaign and id < :before order by id desc limit :limit""";

    private final JdbcClient jdbc;
    private final Ids ids;

    StageHistory(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** One entry of a campaign's stage history; {@code fromStage} is null for the stage it opened in. */
    record StageChange(
            UUID id,
            @Nullable CampaignStage fromStage,
            CampaignStage toStage,
            @Nullable UUID changedBy,
            Instant changedAt) {}

    /** Records a move from {@code before} (null: the opening stage) to the campaign's current stage, if it moved. */
    void recordMove(@Nullable CurrentStage before, CurrentStage after, UUID campaign) {
        if (before != null && before.stage() == after.stage()) {
            return;
        }
        jdbc.sql(INSERT)
                .param("tenant", Sql.tenant())
                .param("id", ids.next())
                .param("campaign", campaign)
                .param("from", before == null ? null : before.stage().code())
                .param("to", after.stage().code())
                .param("by", TenantContext.currentUser().orElse(null))
                .param("at", UtcTimes.utc(after.since()))
                .update();
    }

    /** The campaign's stage changes, newest first, below {@code before}. */
    List<StageChange> of(UUID campaign, UUID before, int limit) {
        return jdbc.sql(PAGE)
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("before", before)
                .param("limit", limit)
                .query((rs, row) -> {
                    String from = rs.getString("from_stage");
                    return new StageChange(
                            rs.getObject("id", UUID.class),
                            from == null ? null : CampaignStage.ofCode(from),
                            CampaignStage.ofCode(rs.getString("to_stage")),
                            Sql.uuid(rs, "changed_by"),
                            Sql.requiredInstant(rs, "changed_at"));
                })
                .list();
    }
}

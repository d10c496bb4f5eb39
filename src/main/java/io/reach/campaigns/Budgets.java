package io.reach.campaigns;

import io.reach.campaigns.sending.Channel;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.time.UtcTimes;
import io.reach.platform.web.ConflictException;
import io.reach.tenancy.TenantManagement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a campaign's {@code budget_spent}, each change in one conditional statement so that
 * concurrent spends can never take it past {@code budget_allocated} (unless the tenant's setting
 * {@code allow_budget_overspend} is true), and records each change as a budget entry.
 */
@Component
class Budgets {

    private static final String SPEND = """
            update campaigns.campaigns set budget_spent = budget_spent + :amount, updated_at = :now
            where tenant_id = :tenant and id = :id and (:overspend or budget_spent + :amount <= budget_allocated)""";
    private static final String RESERVE = """
            update campaigns.campaigns c set budget_spent = c.budget_spent + :cost * g.n, updated_at = :now
            from (select least(:wanted, case when :overspend then :wanted
                                             else floor((budget_allocated - budget_spent) / :cost)::int end) as n
                  from campaigns.campaigns where tenant_id = :tenant and id = :id for update) g
            where c.tenant_id = :tenant and c.id = :id and g.n > 0
            returning g.n""";
    private static final String REFUND = """
            update campaigns.campaigns set budget_spent = greatest(budget_spent - :amount, 0), updated_at = :now
            where tenant_id = :tenant and id = :id""";
    private static final String ENTRY = """
            insert into campaigns.budget_entries (tenant_id, id, campaign_id, amount, source, note, created_by, created_at)
            values (:tenant, :id, :campaign, :amount, :source, :note, :by, :now)""";
    private static final String ENTRIES = """
            select id, amount, source, note, created_by, created_at from campaigns.budget_entries
            where tenant_id = :tenant and campaign_id = :campaign and id < :before order by id desc limit :limit""";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final TenantManagement tenants;

    Budgets(JdbcClient jdbc, Ids ids, Clock clock, TenantManagement tenants) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.tenants = tenants;
    }

    record Entry(
            UUID id,
            BigDecimal amount,
            String source,
            @Nullable String note,
            @Nullable UUID createdBy,
            Instant createdAt) {}

    /** A manual spend entry; refused (409) when it would take the spend past the allocation. */
    void spend(UUID campaign, BigDecimal amount, @Nullable String note, UUID by) {
        Instant now = clock.instant();
        int updated = jdbc.sql(SPEND)
                .param("tenant", Sql.tenant())
                .param("id", campaign)
                .param("amount", amount)
                .param("overspend", overspendAllowed())
                .param("now", UtcTimes.utcOrNull(now))
                .update();
        if (updated == 0) {
            throw new ConflictException(
                    "Over budget", "Spending " + amount + " would exceed the campaign's allocated budget");
        }
        entry(campaign, amount, BudgetSource.MANUAL, note, by, now);
    }

    /**
     * Reserves the cost of up to {@code wanted} messages and answers how many the budget covers
     * (all of them when they cost nothing or the tenant allows overspend).
     */
    int reserve(UUID campaign, Channel channel, BigDecimal cost, int wanted) {
        if (cost.signum() <= 0 || wanted == 0) {
            return wanted;
        }
        Instant now = clock.instant();
        Integer granted = jdbc.sql(RESERVE)
                .param("tenant", Sql.tenant())
                .param("id", campaign)
                .param("cost", cost)
                .param("wanted", wanted)
                .param("overspend", overspendAllowed())
                .param("now", UtcTimes.utcOrNull(now))
                .query(Integer.class)
                .optional()
                .orElse(0);
        if (granted > 0) {
            entry(
                    campaign,
                    cost.multiply(BigDecimal.valueOf(granted)),
                    BudgetSource.of(channel),
                    granted + " messages",
                    null,
                    now);
        }
        return granted;
    }

    /** Gives back what messages that did not go out had reserved. */
    void refund(UUID campaign, BigDecimal cost, int messages) {
        if (cost.signum() <= 0 || messages == 0) {
            return;
        }
        Instant now = clock.instant();
        BigDecimal amount = cost.multiply(BigDecimal.valueOf(messages));
        jdbc.sql(REFUND)
                .param("tenant", Sql.tenant())
                .param("id", campaign)
                .param("amount", amount)
                .param("now", UtcTimes.utcOrNull(now))
                .update();
        entry(campaign, amount.negate(), BudgetSource.REFUND, messages + " messages not sent", null, now);
    }

    List<Entry> entries(UUID campaign, UUID before, int limit) {
        return jdbc.sql(ENTRIES)
                .param("tenant", Sql.tenant())
                .param("campaign", campaign)
                .param("before", before)
                .param("limit", limit)
                .query((rs, row) -> new Entry(
                        rs.getObject("id", UUID.class),
                        rs.getBigDecimal("amount"),
                        rs.getString("source"),
                        rs.getString("note"),
                        Sql.uuid(rs, "created_by"),
                        Sql.requiredInstant(rs, "created_at")))
                .list();
    }

    private boolean overspendAllowed() {
        return Boolean.TRUE.equals(tenants.settingsOf(TenantContext.require()).get("allow_budget_overspend"));
    }

    private void entry(
            UUID campaign,
            BigDecimal amount,
            BudgetSource source,
            @Nullable String note,
            @Nullable UUID by,
            Instant now) {
        jdbc.sql(ENTRY)
                .param("tenant", Sql.tenant())
                .param("id", ids.next())
                .param("campaign", campaign)
                .param("amount", amount)
                .param("source", source.code())
                .param("note", note)
                .param("by", by)
                .param("now", UtcTimes.utcOrNull(now))
                .update();
    }
}

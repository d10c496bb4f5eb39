package io.reach.attribution.results;

import io.reach.campaigns.CampaignDirectory;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A campaign's attribution settings ({@code attribution.campaign_settings}: its own lookback, 1–60
 * days; whether it excludes prior customers; the share of households it holds out, 0–0.5), and the
 * {@link Journeys.Rules} they make for a period, in the workspace's transaction. Prior customers are
 * the keys that converted in the year before the campaign's start; a campaign without a start date
 * has none.
 */
@Repository
public class CampaignRules {

    static final Duration PRIOR_CUSTOMER_YEARS = Duration.ofDays(365);
    static final BigDecimal MAX_HOLDOUT = new BigDecimal("0.5");
    private static final String SELECT =
            "select campaign_id, lookback_days, exclude_prior_customers, holdout_share, updated_at"
                    + " from attribution.campaign_settings";

    private final JdbcClient jdbc;
    private final PeriodEvents events;
    private final CampaignDirectory campaigns;

    CampaignRules(JdbcClient jdbc, PeriodEvents events, CampaignDirectory campaigns) {
        this.jdbc = jdbc;
        this.events = events;
        this.campaigns = campaigns;
    }

    /** A campaign's settings as the API shows them. */
    public record Settings(
            UUID campaignId,
            int lookbackDays,
            boolean excludePriorCustomers,
            BigDecimal holdoutShare,
            @Nullable Instant updatedAt) {}

    /** The settings asked for; absent fields keep their value. */
    public record SettingsInput(
            @Nullable Integer lookbackDays,
            @Nullable Boolean excludePriorCustomers,
            @Nullable BigDecimal holdoutShare) {}

    Settings find(UUID campaign) {
        if (!campaigns.exists(campaign)) {
            throw new NotFoundException("Campaign", campaign);
        }
        return jdbc.sql(SELECT + " where campaign_id = :campaign")
                .param("campaign", campaign)
                .query(CampaignRules::settings)
                .optional()
                .orElse(new Settings(campaign, 30, false, BigDecimal.ZERO.setScale(3), null));
    }

    Settings save(UUID campaign, SettingsInput input) {
        Settings current = find(campaign);
        int lookback = input.lookbackDays() == null ? current.lookbackDays() : input.lookbackDays();
        if (lookback < 1 || lookback > 60) {
            throw new InvalidRequestException(new FieldError("lookback_days", "is 1 to 60"));
        }
        boolean exclude =
                input.excludePriorCustomers() == null ? current.excludePriorCustomers() : input.excludePriorCustomers();
        BigDecimal holdout = input.holdoutShare() == null ? current.holdoutShare() : input.holdoutShare();
        if (holdout.signum() < 0 || holdout.compareTo(MAX_HOLDOUT) > 0 || holdout.scale() > 3) {
            throw new InvalidRequestException(new FieldError("holdout_share", "is 0 to 0.5, at most 3 decimals"));
        }
        jdbc.sql("""
                insert into attribution.campaign_settings (tenant_id, campaign_id, lookback_days, exclude_prior_customers,
                    holdout_share, updated_at)
                values (platform.current_tenant_id(), :campaign, :lookback, :exclude, :holdout, now())
                on conflict (tenant_id, campaign_id) do update set lookback_days = excluded.lookback_days,
                    exclude_prior_customers = excluded.exclude_prior_customers, holdout_share = excluded.holdout_share,
                    updated_at = excluded.updated_at""")
                .param("campaign", campaign)
                .param("lookback", lookback)
                .param("exclude", exclude)
                .param("holdout", holdout)
                .update();
        return find(campaign);
    }

    /** The rules for a period read with {@code lookback} where a campaign sets none. */
    Journeys.Rules rules(Duration lookback) {
        Map<UUID, Duration> lookbacks = new HashMap<>();
        Map<UUID, Set<String>> prior = new HashMap<>();
        Map<UUID, Double> holdouts = new HashMap<>();
        List<Settings> all = jdbc.sql(SELECT).query(CampaignRules::settings).list();
        for (Settings settings : all) {
            lookbacks.put(settings.campaignId(), Duration.ofDays(settings.lookbackDays()));
            if (settings.holdoutShare().signum() > 0) {
                holdouts.put(settings.campaignId(), settings.holdoutShare().doubleValue());
            }
            if (settings.excludePriorCustomers()) {
                Instant start = campaigns
                        .dates(settings.campaignId())
                        .map(CampaignDirectory.CampaignDates::start)
                        .orElse(null);
                prior.put(
                        settings.campaignId(),
                        start == null ? Set.of() : events.converters(start.minus(PRIOR_CUSTOMER_YEARS), start));
            }
        }
        return new Journeys.Rules(lookback, lookbacks, prior, holdouts);
    }

    private static Settings settings(ResultSet rs, int row) throws SQLException {
        return new Settings(
                Objects.requireNonNull(rs.getObject("campaign_id", UUID.class)),
                rs.getInt("lookback_days"),
                rs.getBoolean("exclude_prior_customers"),
                Objects.requireNonNull(rs.getBigDecimal("holdout_share")),
                Objects.requireNonNull(rs.getObject("updated_at", OffsetDateTime.class))
                        .toInstant());
    }
}

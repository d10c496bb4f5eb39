package io.reach.attribution.results;

import static io.reach.platform.time.UtcTimes.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an analysis stores, a day at a time and replacing that day whole: {@code attribution.paths}
 * (each attributed conversion's touches) and {@code attribution.analytics} (each campaign's day:
 * cost and every model's conversions, revenue, CPA and ROAS).
 */
@Repository
public class StoredAnalysis {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StoredAnalysis(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An attributed conversion's path as stored. */
    public record StoredPath(
            UUID id,
            UUID conversionEventId,
            Instant convertedAt,
            @Nullable UUID campaignId,
            String listenerId,
            List<Map<String, Object>> touchpoints,
            BigDecimal value) {}

    /** A campaign's day as stored. */
    public record CampaignDay(UUID campaignId, LocalDate analysisDate, Map<String, Object> metrics) {}

    void replaceDay(LocalDate day, List<StoredPath> paths, List<CampaignDay> days, Instant now) {
        Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        jdbc.sql("delete from attribution.paths where converted_at >= :from and converted_at < :to")
                .param("from", utc(start))
                .param("to", utc(start.plusSeconds(86_400)))
                .update();
        jdbc.sql("delete from attribution.analytics where analysis_date = :day")
                .param("day", day)
                .update();
        if (!paths.isEmpty()) {
            jdbc.sql("""
                    insert into attribution.paths (tenant_id, id, conversion_event_id, converted_at, campaign_id,
                        listener_id, touchpoints, value)
                    select platform.current_tenant_id(), p.id, p.conversion, cast(p.at as timestamptz), p.campaign, p.listener,
                        cast(p.touchpoints as jsonb), p.value
                    from unnest(:ids, :conversions, :ats, :campaigns, :listeners, :touchpoints, :values)
                        as p (id, conversion, at, campaign, listener, touchpoints, value)""")
                    .param("ids", paths.stream().map(StoredPath::id).toArray(UUID[]::new))
                    .param(
                            "conversions",
                            paths.stream().map(StoredPath::conversionEventId).toArray(UUID[]::new))
                    .param(
                            "ats",
                            paths.stream().map(p -> p.convertedAt().toString()).toArray(String[]::new))
                    .param(
                            "campaigns",
                            paths.stream().map(StoredPath::campaignId).toArray(UUID[]::new))
                    .param(
                            "listeners",
                            paths.stream().map(StoredPath::listenerId).toArray(String[]::new))
                    .param(
                            "touchpoints",
                            paths.stream()
                                    .map(p -> json.writeValueAsString(p.touchpoints()))
                                    .toArray(String[]::new))
                    .param("values", paths.stream().map(StoredPath::value).toArray(BigDecimal[]::new))
                    .update();
        }
        for (CampaignDay campaign : days) {
            jdbc.sql("""
                    insert into attribution.analytics (tenant_id, id, campaign_id, analysis_date, metrics, computed_at)
                    values (platform.current_tenant_id(), gen_random_uuid(), :campaign, :day, cast(:metrics as jsonb), :now)""")
                    .param("campaign", campaign.campaignId())
                    .param("day", day)
                    .param("metrics", json.writeValueAsString(campaign.metrics()))
                    .param("now", utc(now))
                    .update();
        }
    }

    List<CampaignDay> analytics(LocalDate from, LocalDate to, @Nullable UUID campaign) {
        return jdbc.sql("""
                        select campaign_id, analysis_date, metrics::text as metrics from attribution.analytics
                        where analysis_date between :from and :to and (cast(:campaign as uuid) is null or campaign_id = :campaign)
                        order by analysis_date, campaign_id""")
                .param("from", from)
                .param("to", to)
                .param("campaign", campaign)
                .query((rs, row) -> new CampaignDay(
                        Objects.requireNonNull(rs.getObject("campaign_id", UUID.class)),
                        Objects.requireNonNull(rs.getObject("analysis_date", LocalDate.class)),
                        json.readValue(
                                Objects.requireNonNull(rs.getString("metrics")),
                                new TypeReference<Map<String, Object>>() {})))
                .list();
    }

    List<StoredPath> paths(LocalDate from, LocalDate to, @Nullable UUID campaign, int limit) {
        return jdbc.sql("""
                        select id, conversion_event_id, converted_at, campaign_id, listener_id, touchpoints::text as touchpoints,
                            value
                        from attribution.paths
                        where converted_at >= :from and converted_at < :to
                          and (cast(:campaign as uuid) is null or campaign_id = :campaign)
                        order by converted_at, id limit :limit""")
                .param("from", utc(from.atStartOfDay().toInstant(ZoneOffset.UTC)))
                .param("to", utc(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .param("campaign", campaign)
                .param("limit", limit)
                .query((rs, row) -> new StoredPath(
                        Objects.requireNonNull(rs.getObject("id", UUID.class)),
                        Objects.requireNonNull(rs.getObject("conversion_event_id", UUID.class)),
                        Objects.requireNonNull(rs.getObject("converted_at", OffsetDateTime.class))
                                .toInstant(),
                        rs.getObject("campaign_id", UUID.class),
                        Objects.requireNonNull(rs.getString("listener_id")),
                        json.readValue(
                                Objects.requireNonNull(rs.getString("touchpoints")),
                                new TypeReference<List<Map<String, Object>>>() {}),
                        Objects.requireNonNull(rs.getBigDecimal("value"))))
                .list();
    }
}

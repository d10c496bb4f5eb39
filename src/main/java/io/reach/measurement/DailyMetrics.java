package io.reach.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's {@code daily_analytics} rows (reference model 004), as the daily rollup feeds them. */
@Repository
class DailyMetrics {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DailyMetrics(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Metric(
            UUID analyticsId,
            LocalDate dateRecorded,
            String entityType,
            UUID entityId,
            String metricName,
            BigDecimal metricValue,
            Instant createdAt,
            Map<String, Object> metadata) {}

    /** A site's rows of the days from the UTC date of {@code from} to that of {@code to}, both included. */
    @SuppressWarnings("unchecked")
    List<Metric> between(UUID site, Instant from, Instant to, UUID after, int size) {
        return jdbc.sql("""
                select id, date_recorded, entity_type, entity_id, metric_name, metric_value, created_at,
                       metadata::text as metadata
                from measurement.daily_analytics
                where entity_type = 'site' and entity_id = :site and date_recorded >= :first and date_recorded <= :last
                  and id > :after order by id limit :size""")
                .param("site", site)
                .param("first", LocalDate.ofInstant(from, ZoneOffset.UTC))
                .param("last", LocalDate.ofInstant(to, ZoneOffset.UTC))
                .param("after", after)
                .param("size", size)
                .query((rs, row) -> new Metric(
                        rs.getObject("id", UUID.class),
                        rs.getObject("date_recorded", LocalDate.class),
                        rs.getString("entity_type"),
                        rs.getObject("entity_id", UUID.class),
                        rs.getString("metric_name"),
                        rs.getBigDecimal("metric_value"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        json.readValue(rs.getString("metadata"), Map.class)))
                .list();
    }
}

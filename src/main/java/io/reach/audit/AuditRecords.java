package io.reach.audit;

import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the current tenant's audit records, newest first, with optional filters. */
@Repository
class AuditRecords {

    private static final String AUDIT = """
            select id, user_id, actor_type, action, resource_type, resource_id, table_name, record_id,
                   old_values::text as old_values, new_values::text as new_values, changes::text as changes,
                   host(ip_address) as ip_address, user_agent, occurred_at
            from audit.audit_logs
            where id < :before and (cast(:action as text) is null or action = :action)
              and (cast(:resourceType as text) is null or resource_type = :resourceType)
              and (cast(:userId as uuid) is null or user_id = :userId)
              and occurred_at >= :from and occurred_at < :to
            order by id desc limit :limit""";
    private static final String SECURITY = """
            select id, user_id, event_type, severity, details::text as details, host(ip_address) as ip_address,
                   user_agent, occurred_at
            from audit.security_events
            where id < :before and (cast(:eventType as text) is null or event_type = :eventType)
              and (cast(:severity as text) is null or severity = :severity)
              and (cast(:userId as uuid) is null or user_id = :userId)
              and occurred_at >= :from and occurred_at < :to
            order by id desc limit :limit""";
    private static final String ACCESS = """
            select id, user_id, resource_type, resource_id, action, allowed, reason, host(ip_address) as ip_address,
                   user_agent, occurred_at
            from audit.access_logs
            where id < :before and (cast(:resourceType as text) is null or resource_type = :resourceType)
              and (cast(:userId as uuid) is null or user_id = :userId)
              and occurred_at >= :from and occurred_at < :to
            order by id desc limit :limit""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record AuditLog(
            UUID id,
            @Nullable UUID userId,
            String actorType,
            String action,
            String resourceType,
            @Nullable String resourceId,
            @Nullable String tableName,
            @Nullable String recordId,
            @Nullable JsonNode oldValues,
            @Nullable JsonNode newValues,
            @Nullable JsonNode changes,
            @Nullable String ipAddress,
            @Nullable String userAgent,
            Instant occurredAt) {}

    record SecurityEventView(
            UUID id,
            @Nullable UUID userId,
            String eventType,
            String severity,
            JsonNode details,
            @Nullable String ipAddress,
            @Nullable String userAgent,
            Instant occurredAt) {}

    record AccessLog(
            UUID id,
            @Nullable UUID userId,
            String resourceType,
            @Nullable String resourceId,
            String action,
            boolean allowed,
            @Nullable String reason,
            @Nullable String ipAddress,
            @Nullable String userAgent,
            Instant occurredAt) {}

    /** What a list asks for: the window, the filters and the page. */
    record Filter(
            UUID before,
            int limit,
            Instant from,
            Instant to,
            @Nullable UUID userId,
            @Nullable String kind,
            @Nullable String subKind) {}

    List<AuditLog> auditLogs(Filter filter) {
        return jdbc.sql(AUDIT)
                .params(common(filter))
                .param("action", filter.kind())
                .param("resourceType", filter.subKind())
                .query((rs, row) -> new AuditLog(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("actor_type"),
                        rs.getString("action"),
                        rs.getString("resource_type"),
                        rs.getString("resource_id"),
                        rs.getString("table_name"),
                        rs.getString("record_id"),
                        tree(rs.getString("old_values")),
                        tree(rs.getString("new_values")),
                        tree(rs.getString("changes")),
                        rs.getString("ip_address"),
                        rs.getString("user_agent"),
                        instant(rs.getObject("occurred_at", OffsetDateTime.class))))
                .list();
    }

    List<SecurityEventView> securityEvents(Filter filter) {
        return jdbc.sql(SECURITY)
                .params(common(filter))
                .param("eventType", filter.kind())
                .param("severity", filter.subKind())
                .query((rs, row) -> new SecurityEventView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("severity"),
                        requiredTree(rs.getString("details")),
                        rs.getString("ip_address"),
                        rs.getString("user_agent"),
                        instant(rs.getObject("occurred_at", OffsetDateTime.class))))
                .list();
    }

    List<AccessLog> accessLogs(Filter filter) {
        return jdbc.sql(ACCESS)
                .params(common(filter))
                .param("resourceType", filter.kind())
                .query((rs, row) -> new AccessLog(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("resource_type"),
                        rs.getString("resource_id"),
                        rs.getString("action"),
                        rs.getBoolean("allowed"),
                        rs.getString("reason"),
                        rs.getString("ip_address"),
                        rs.getString("user_agent"),
                        instant(rs.getObject("occurred_at", OffsetDateTime.class))))
                .list();
    }

    private static java.util.Map<String, Object> common(Filter filter) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("before", filter.before());
        params.put("limit", filter.limit());
        params.put("from", UtcTimes.utc(filter.from()));
        params.put("to", UtcTimes.utc(filter.to()));
        params.put("userId", filter.userId());
        return params;
    }

    private @Nullable JsonNode tree(@Nullable String text) {
        return text == null ? null : json.readTree(text);
    }

    /** Reads a {@code not null} jsonb column. */
    private JsonNode requiredTree(String text) {
        return json.readTree(text);
    }

    private static Instant instant(OffsetDateTime value) {
        return value.toInstant();
    }
}

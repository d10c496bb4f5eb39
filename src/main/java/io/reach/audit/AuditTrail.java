package io.reach.audit;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.time.UtcTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit module's API: records are written in the caller's transaction for the tenant they
 * concern, so a change and its record commit together.
 */
@Service
public class AuditTrail {

    private static final String INSERT_AUDIT = """
            insert into audit.audit_logs (tenant_id, id, user_id, actor_type, action, resource_type, resource_id,
                table_name, record_id, old_values, new_values, changes, ip_address, user_agent, occurred_at)
            values (:tenant, :id, :userId, :actorType, :action, :resourceType, :resourceId, :tableName, :resourceId,
                :oldValues::jsonb, :newValues::jsonb, :changes::jsonb, :ip::inet, :userAgent, :now)""";
    private static final String INSERT_SECURITY = """
            insert into audit.security_events (tenant_id, id, user_id, event_type, severity, details, ip_address,
                user_agent, occurred_at)
            values (:tenant, :id, :userId, :eventType, :severity, :details::jsonb, :ip::inet, :userAgent, :now)""";
    /**
     * A refusal is written unless the same one was written within the repeat window, or its user
     * already has the hourly cap of records: a client hammering a refused endpoint cannot grow the table.
     */
    private static final String INSERT_ACCESS = """
            insert into audit.access_logs (tenant_id, id, user_id, resource_type, resource_id, action, allowed, reason,
                ip_address, user_agent, occurred_at)
            select :tenant, :id, cast(:userId as uuid), :resourceType, cast(:resourceId as text), :action, :allowed,
                cast(:reason as text), cast(:ip as inet), cast(:userAgent as text), :now
            where not exists (
                    select 1 from audit.access_logs
                    where tenant_id = :tenant and user_id is not distinct from cast(:userId as uuid)
                      and occurred_at > :repeatSince and resource_type = :resourceType
                      and resource_id is not distinct from cast(:resourceId as text) and action = :action
                      and reason is not distinct from cast(:reason as text))
              and (select count(*) from (
                    select 1 from audit.access_logs
                    where tenant_id = :tenant and user_id is not distinct from cast(:userId as uuid)
                      and occurred_at > :hourAgo
                    limit :cap) recent) < :cap""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Ids ids;
    private final Clock clock;
    private final TenantTransactions transactions;
    private final AccessLogSettings accessLogs;

    AuditTrail(
            JdbcClient jdbc,
            JsonMapper json,
            Ids ids,
            Clock clock,
            TenantTransactions transactions,
            AccessLogSettings accessLogs) {
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
        this.transactions = transactions;
        this.accessLogs = accessLogs;
    }

    /** Records a change for {@code tenant}, joining the caller's transaction when it is that tenant's. */
    public void record(TenantId tenant, AuditEntry entry) {
        RequestOrigin origin = entry.origin() == null ? RequestOrigin.UNKNOWN : entry.origin();
        transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql(INSERT_AUDIT)
                        .param("tenant", tenant.value())
                        .param("id", ids.next())
                        .param("userId", entry.userId())
                        .param("actorType", entry.actorType().code())
                        .param("action", entry.action())
                        .param("resourceType", entry.resourceType())
                        .param("resourceId", entry.resourceId())
                        .param("tableName", entry.tableName())
                        .param("oldValues", toJson(entry.oldValues()))
                        .param("newValues", toJson(entry.newValues()))
                        .param("changes", toJson(changes(entry.oldValues(), entry.newValues())))
                        .param("ip", origin.ipAddress())
                        .param("userAgent", origin.userAgent())
                        .param("now", UtcTimes.utc(clock.instant()))
                        .update());
    }

    /** Records a security event for {@code tenant}; the platform scope takes events that precede a tenant. */
    public void record(TenantId tenant, SecurityEvent event) {
        RequestOrigin origin = event.origin() == null ? RequestOrigin.UNKNOWN : event.origin();
        transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql(INSERT_SECURITY)
                        .param("tenant", tenant.value())
                        .param("id", ids.next())
                        .param("userId", event.userId())
                        .param("eventType", event.eventType())
                        .param("severity", event.severity().code())
                        .param("details", toJson(event.details()))
                        .param("ip", origin.ipAddress())
                        .param("userAgent", origin.userAgent())
                        .param("now", UtcTimes.utc(clock.instant()))
                        .update());
    }

    /**
     * Records a refused request of the current tenant's principal, unless the same refusal was
     * recorded moments ago or the user has reached the hourly cap ({@link AccessLogSettings}).
     */
    public void recordDenial(
            @Nullable UUID userId,
            String resourceType,
            @Nullable String resourceId,
            String action,
            String reason,
            @Nullable RequestOrigin origin) {
        TenantId tenant = TenantContext.require();
        RequestOrigin from = origin == null ? RequestOrigin.UNKNOWN : origin;
        Instant now = clock.instant();
        transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql(INSERT_ACCESS)
                        .param("tenant", tenant.value())
                        .param("id", ids.next())
                        .param("userId", userId)
                        .param("resourceType", resourceType)
                        .param("resourceId", resourceId)
                        .param("action", action)
                        .param("allowed", false)
                        .param("reason", reason)
                        .param("ip", from.ipAddress())
                        .param("userAgent", from.userAgent())
                        .param("now", UtcTimes.utc(now))
                        .param("repeatSince", UtcTimes.utc(now.minus(accessLogs.repeatWindow())))
                        .param("hourAgo", UtcTimes.utc(now.minus(Duration.ofHours(1))))
                        .param("cap", accessLogs.perUserPerHour())
                        .update());
    }

    /** Which keys changed, each with its before and after value. */
    static @Nullable Map<String, Object> changes(@Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
        if (before == null || after == null) {
            return null;
        }
        Map<String, Object> changes = new HashMap<>();
        for (String key : union(before, after)) {
            Object from = before.get(key);
            Object to = after.get(key);
            if (!Objects.equals(from, to)) {
                Map<String, Object> change = new HashMap<>();
                change.put("from", from);
                change.put("to", to);
                changes.put(key, change);
            }
        }
        return changes;
    }

    private static Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private @Nullable String toJson(@Nullable Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}

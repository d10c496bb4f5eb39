package io.reach.platform.idempotency;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.time.UtcTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code platform.idempotency_keys} table. Every statement runs as the current tenant and
 * names it explicitly, so a row can never land under another tenant's id.
 */
@Repository
class IdempotencyRecords {

    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration LEASE = Duration.ofMinutes(5);

    private static final String CLAIM = """
            insert into platform.idempotency_keys
                (tenant_id, principal, idempotency_key, request_fingerprint, state, created_at, lease_expires_at)
            values (:tenant, :principal, :key, :fingerprint, 'in_progress', :now, :leaseEnd)
            on conflict (tenant_id, principal, idempotency_key) do update
                set request_fingerprint = excluded.request_fingerprint, state = 'in_progress',
                    created_at = excluded.created_at, lease_expires_at = excluded.lease_expires_at,
                    response_status = null, response_headers = null, response_body = null, completed_at = null
                where platform.idempotency_keys.created_at < :expiredBefore
                   or (platform.idempotency_keys.state = 'in_progress' and platform.idempotency_keys.lease_expires_at < :now)""";
    private static final String FIND = """
            select request_fingerprint, state, response_status, response_headers::text as headers, response_body
            from platform.idempotency_keys
            where tenant_id = :tenant and principal = :principal and idempotency_key = :key""";
    private static final String COMPLETE = """
            update platform.idempotency_keys
            set state = 'completed', response_status = :status, response_headers = :headers::jsonb,
                response_body = :body, completed_at = :now
            where tenant_id = :tenant and principal = :principal and idempotency_key = :key
              and request_fingerprint = :fingerprint and state = 'in_progress'""";
    private static final String RELEASE = """
            delete from platform.idempotency_keys
            where tenant_id = :tenant and principal = :principal and idempotency_key = :key
              and request_fingerprint = :fingerprint and state = 'in_progress'""";
    private static final String PURGE = """
            delete from platform.idempotency_keys where tenant_id = :tenant and created_at < :expiredBefore""";

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    IdempotencyRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Takes the key for this request, unless a live record (completed, or leased) already holds it. */
    @Transactional
    boolean claim(IdempotencyKey key, String fingerprint) {
        return statement(CLAIM, key)
                        .param("fingerprint", fingerprint)
                        .param("leaseEnd", now().plus(LEASE))
                        .param("expiredBefore", now().minus(RETENTION))
                        .update()
                == 1;
    }

    @Transactional(readOnly = true)
    Optional<IdempotencyRecord> find(IdempotencyKey key) {
        return statement(FIND, key)
                .query((rs, row) -> {
                    boolean completed = IdempotencyState.ofCode(rs.getString("state")) == IdempotencyState.COMPLETED;
                    StoredResponse response = completed
                            ? new StoredResponse(
                                    rs.getInt("response_status"),
                                    json.readValue(rs.getString("headers"), HEADERS),
                                    rs.getBytes("response_body"))
                            : null;
                    return new IdempotencyRecord(rs.getString("request_fingerprint"), completed, response);
                })
                .optional();
    }

    @Transactional
    void complete(IdempotencyKey key, String fingerprint, StoredResponse response) {
        statement(COMPLETE, key)
                .param("fingerprint", fingerprint)
                .param("status", response.status())
                .param("headers", json.writeValueAsString(response.headers()))
                .param("body", response.body())
                .update();
    }

    /** Frees the key after a failure, so the client's retry runs the request afresh. */
    @Transactional
    void release(IdempotencyKey key, String fingerprint) {
        statement(RELEASE, key).param("fingerprint", fingerprint).update();
    }

    @Transactional
    int purgeExpired() {
        return jdbc.sql(PURGE)
                .param("tenant", TenantContext.require().value())
                .param("expiredBefore", now().minus(RETENTION))
                .update();
    }

    private JdbcClient.StatementSpec statement(String sql, IdempotencyKey key) {
        return jdbc.sql(sql)
                .param("tenant", TenantContext.require().value())
                .param("principal", key.principal())
                .param("key", key.value())
                .param("now", now());
    }

    private OffsetDateTime now() {
        return UtcTimes.utc(clock.instant());
    }
}

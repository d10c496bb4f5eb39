package io.reach.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.reach.platform.tenant.TenantContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code platform.idempotency_keys} table; every statement runs as the current tenant. */
@Repository
class IdempotencyRecords {

    static final Duration RETENTION = Duration.ofHours(24);

    private static final String CLAIM = """
            insert into platform.idempotency_keys (tenant_id, idempotency_key, request_fingerprint, state, created_at)
            values (platform.current_tenant_id(), :key, :fingerprint, 'in_progress', :now)
            on conflict (tenant_id, idempotency_key) do update
                set request_fingerprint = excluded.request_fingerprint, state = 'in_progress', created_at = excluded.created_at,
                    response_status = null, response_headers = null, response_body = null, completed_at = null
                where platform.idempotency_keys.created_at < :expired_before""";
    private static final String FIND = """
            select request_fingerprint, state, response_status, response_headers::text as headers, response_body
            from platform.idempotency_keys where idempotency_key = :key""";
    private static final String COMPLETE = """
            update platform.idempotency_keys
            set state = 'completed', response_status = :status, response_headers = :headers::jsonb,
                response_body = :body, completed_at = :now
            where idempotency_key = :key and request_fingerprint = :fingerprint and state = 'in_progress'""";
    private static final String RELEASE = """
            delete from platform.idempotency_keys
            where idempotency_key = :key and request_fingerprint = :fingerprint and state = 'in_progress'""";
    private static final String PURGE = "delete from platform.idempotency_keys where created_at < :expired_before";

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    IdempotencyRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Takes the key for this request, unless a live record already holds it. */
    @Transactional
    boolean claim(String key, String fingerprint) {
        requireTenant();
        return jdbc.sql(CLAIM).param("key", key).param("fingerprint", fingerprint).param("now", now())
                .param("expired_before", now().minus(RETENTION)).update() == 1;
    }

    @Transactional(readOnly = true)
    Optional<IdempotencyRecord> find(String key) {
        requireTenant();
        return jdbc.sql(FIND).param("key", key).query((rs, row) -> {
            boolean completed = "completed".equals(rs.getString("state"));
            StoredResponse response = completed
                    ? new StoredResponse(rs.getInt("response_status"), json.readValue(rs.getString("headers"), HEADERS),
                            rs.getBytes("response_body"))
                    : null;
            return new IdempotencyRecord(rs.getString("request_fingerprint"), completed, response);
        }).optional();
    }

    @Transactional
    void complete(String key, String fingerprint, StoredResponse response) {
        requireTenant();
        jdbc.sql(COMPLETE).param("key", key).param("fingerprint", fingerprint).param("status", response.status())
                .param("headers", json.writeValueAsString(response.headers())).param("body", response.body())
                .param("now", now()).update();
    }

    /** Frees the key after a failure, so the client's retry runs the request afresh. */
    @Transactional
    void release(String key, String fingerprint) {
        requireTenant();
        jdbc.sql(RELEASE).param("key", key).param("fingerprint", fingerprint).update();
    }

    @Transactional
    int purgeExpired() {
        requireTenant();
        return jdbc.sql(PURGE).param("expired_before", now().minus(RETENTION)).update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static void requireTenant() {
        TenantContext.require();
    }
}

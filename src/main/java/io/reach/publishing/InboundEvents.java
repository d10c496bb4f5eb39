package io.reach.publishing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;

/** The current tenant's {@code publishing.events}; an event the platform sends twice is kept once. */
@Repository
class InboundEvents {

    private static final String INSERT = """
            insert into publishing.events (tenant_id, id, platform, type, payload, external_id, social_account_id,
                received_at)
            values (:tenant, :id, :platform, :type, :payload::jsonb, :externalId, :accountId, :now)
            on conflict (tenant_id, platform, external_id) do nothing""";

    private final JdbcClient jdbc;
    private final Ids ids;

    InboundEvents(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    record Stored(UUID id, String platform, String type, String payload, @Nullable UUID socialAccountId) {
    }

    /**
     * Takes up to {@code batch} events no automation has seen yet, marking them seen in the same
     * statement, so each event is handed to automations once even with several nodes.
     */
    java.util.List<Stored> claimUnprocessed(Instant now, int batch) {
        return jdbc.sql("""
                update publishing.events set processed_at = :now
                where id in (select id from publishing.events where processed_at is null
                             order by received_at, id limit :batch for update skip locked)
                returning id, platform, type, payload::text as payload, social_account_id""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("batch", batch).query(Stored.class).list();
    }

    /** Stores the event; false when it was already there. */
    boolean store(String platform, String type, String payload, String externalId, @Nullable UUID accountId, Instant now) {
        return jdbc.sql(INSERT).param("tenant", TenantContext.require().value()).param("id", ids.next())
                .param("platform", platform).param("type", type).param("payload", payload)
                .param("externalId", externalId).param("accountId", accountId)
                .param("now", now.atOffset(ZoneOffset.UTC)).update() == 1;
    }
}

package io.reach.publishing.automation;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's {@code publishing.events}; an event the platform sends twice is kept once. */
@Repository
public class InboundEvents {

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

    record Stored(
            UUID id,
            String platform,
            String type,
            String payload,
            @Nullable UUID socialAccountId) {}

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
                .param("now", UtcTimes.utc(now))
                .param("batch", batch)
                .query(Stored.class)
                .list();
    }

    record EventView(
            UUID id,
            String platform,
            String type,
            tools.jackson.databind.JsonNode payload,
            String externalId,
            @Nullable UUID socialAccountId,
            Instant receivedAt,
            @Nullable Instant processedAt) {}

    /** Events received in {@code [from, to)}, newest first (ids are time-ordered), below a cursor id. */
    java.util.List<EventView> list(
            Instant from,
            Instant to,
            @Nullable String type,
            @Nullable String platform,
            @Nullable UUID accountId,
            UUID before,
            int limit,
            tools.jackson.databind.json.JsonMapper json) {
        return jdbc.sql("""
                select id, platform, type, payload::text as payload, external_id, social_account_id, received_at,
                       processed_at
                from publishing.events
                where received_at >= :from and received_at < :to and id < :before
                  and (cast(:type as text) is null or type = :type)
                  and (cast(:platform as text) is null or platform = :platform)
                  and (cast(:account as uuid) is null or social_account_id = :account)
                order by id desc limit :limit""")
                .param("from", UtcTimes.utc(from))
                .param("to", UtcTimes.utc(to))
                .param("before", before)
                .param("type", type)
                .param("platform", platform)
                .param("account", accountId)
                .param("limit", limit)
                .query((rs, row) -> new EventView(
                        rs.getObject("id", UUID.class),
                        rs.getString("platform"),
                        rs.getString("type"),
                        json.readTree(rs.getString("payload")),
                        rs.getString("external_id"),
                        rs.getObject("social_account_id", UUID.class),
                        rs.getObject("received_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getObject("processed_at", java.time.OffsetDateTime.class) == null
                                ? null
                                : rs.getObject("processed_at", java.time.OffsetDateTime.class)
                                        .toInstant()))
                .list();
    }

    /** Stores the event; false when it was already there. */
    public boolean store(
            String platform, String type, String payload, String externalId, @Nullable UUID accountId, Instant now) {
        return jdbc.sql(INSERT)
                        .param("tenant", TenantContext.require().value())
                        .param("id", ids.next())
                        .param("platform", platform)
                        .param("type", type)
                        .param("payload", payload)
                        .param("externalId", externalId)
                        .param("accountId", accountId)
                        .param("now", UtcTimes.utc(now))
                        .update()
                == 1;
    }
}

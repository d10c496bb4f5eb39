package io.reach.attribution.events;

import static io.reach.platform.time.UtcTimes.utc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Writes events (and their metadata) in the workspace's transaction, making their day partitions first. */
@Repository
class EventStore {

    private static final String INSERT = """
            insert into attribution.events (tenant_id, id, occurred_at, attribution_type, source, channel, campaign_id,
                podcast_id, episode_id, sponsor_id, visitor_key, household_key, listener_id, action, value, currency, order_id,
                discount_code, referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content, user_agent,
                attribution_data, received_at)
            values (platform.current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                cast(? as jsonb), ?)""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    EventStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An event ready to store: its id, where it came from, and its household key (or none). */
    record Stored(
            UUID id,
            IncomingEvent event,
            EventSource source,
            byte @Nullable [] household,
            byte @Nullable [] listener,
            Map<String, String> data) {

        Stored(UUID id, IncomingEvent event, EventSource source, byte @Nullable [] household) {
            this(id, event, source, household, null, Map.of());
        }
    }

    /** Removes the touches of one source on one UTC day (those derived from it, before they are derived again). */
    void deleteDerived(EventSource source, LocalDate day) {
        jdbc.update(
                "delete from attribution.events where source = ? and occurred_at >= ? and occurred_at < ?",
                source.code(),
                utc(day.atStartOfDay().toInstant(ZoneOffset.UTC)),
                utc(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    void store(List<Stored> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        LocalDate first = events.stream()
                .map(e -> day(e.event().occurredAt()))
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = events.stream()
                .map(e -> day(e.event().occurredAt()))
                .max(LocalDate::compareTo)
                .orElseThrow();
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(800)) {
            LocalDate to = from.plusDays(799).isAfter(last) ? last : from.plusDays(799);
            jdbc.queryForObject("select attribution.ensure_event_partitions(?, ?)", Integer.class, from, to);
        }
        jdbc.batchUpdate(INSERT, events, 1000, (statement, stored) -> row(statement, stored, now, json));
        List<Stored> withMetadata =
                events.stream().filter(e -> !e.event().metadata().isEmpty()).toList();
        jdbc.batchUpdate("""
                insert into attribution.event_metadata (tenant_id, event_id, occurred_at, metadata)
                values (platform.current_tenant_id(), ?, ?, cast(? as jsonb))""", withMetadata, 1000, (statement, stored) -> {
            statement.setObject(1, stored.id());
            statement.setObject(2, utc(stored.event().occurredAt()));
            statement.setString(3, json.writeValueAsString(stored.event().metadata()));
        });
    }

    private static void row(PreparedStatement statement, Stored stored, Instant now, JsonMapper json)
            throws SQLException {
        IncomingEvent event = stored.event();
        int i = 1;
        statement.setObject(i++, stored.id());
        statement.setObject(i++, utc(event.occurredAt()));
        statement.setString(i++, event.kind().code());
        statement.setString(i++, stored.source().code());
        statement.setString(i++, event.channel());
        statement.setObject(i++, event.campaign(), Types.OTHER);
        statement.setObject(i++, event.podcast(), Types.OTHER);
        statement.setObject(i++, event.episode(), Types.OTHER);
        statement.setObject(i++, event.sponsor(), Types.OTHER);
        statement.setString(i++, event.visitor());
        statement.setBytes(i++, stored.household());
        statement.setBytes(i++, stored.listener());
        statement.setString(i++, event.action() == null ? null : event.action().code());
        statement.setBigDecimal(i++, event.value());
        statement.setString(i++, event.currency());
        statement.setString(i++, event.orderId());
        statement.setString(i++, event.discountCode());
        statement.setString(i++, event.referrer());
        for (String key : List.of("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")) {
            statement.setString(i++, event.utm().get(key));
        }
        statement.setString(i++, event.userAgent());
        statement.setString(i++, json.writeValueAsString(stored.data()));
        statement.setObject(i, utc(now));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}

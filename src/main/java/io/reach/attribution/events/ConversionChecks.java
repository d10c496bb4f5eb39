package io.reach.attribution.events;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.podcasts.TrafficChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks conversions as they are stored, in the workspace's transaction, and records each one's
 * outcome in {@code attribution.validations}: {@code rejected} for an order id seen before or a bot's
 * user agent (never credited), {@code suspect} for a data-centre address, a conversion less than two
 * seconds after a touch of its visitor or household, or one before any exposure (its visitor or
 * household was touched only after it, within 60 days: a clock or a replay to look at) — credited,
 * counted apart — else {@code valid}.
 */
@Component
class ConversionChecks {

    static final String DUPLICATE_ORDER = "duplicate_order";
    static final String BOT_USER_AGENT = "bot_user_agent";
    static final String DATACENTER_IP = "datacenter_ip";
    static final String IMPOSSIBLE_SPEED = "impossible_speed";
    static final String BEFORE_EXPOSURE = "before_exposure";

    private final JdbcClient jdbc;
    private final TrafficChecks traffic;
    private final JsonMapper json;
    private final Ids ids;

    ConversionChecks(JdbcClient jdbc, TrafficChecks traffic, JsonMapper json, Ids ids) {
        this.jdbc = jdbc;
        this.traffic = traffic;
        this.json = json;
        this.ids = ids;
    }

    void check(TenantId tenant, List<EventStore.Stored> stored, Instant now) {
        List<EventStore.Stored> conversions = stored.stream()
                .filter(e -> e.event().kind() == EventKind.CONVERSION)
                .toList();
        if (conversions.isEmpty()) {
            return;
        }
        Map<UUID, List<String>> reasons = new HashMap<>();
        for (EventStore.Stored conversion : conversions) {
            List<String> found = new ArrayList<>();
            if (traffic.isBot(conversion.event().userAgent())) {
                found.add(BOT_USER_AGENT);
            }
            if (conversion.event().ip() != null
                    && traffic.inDataCentre(
                            tenant, Objects.requireNonNull(conversion.event().ip()))) {
                found.add(DATACENTER_IP);
            }
            reasons.put(conversion.id(), found);
        }
        jdbc.sql("""
                select c.id,
                    c.order_id is not null and exists (
                        select 1 from attribution.events e
                        where e.attribution_type = 'conversion' and e.order_id = c.order_id
                          and (e.occurred_at, e.id) < (c.occurred_at, c.id)) as duplicate,
                    exists (
                        select 1 from attribution.events t
                        where t.attribution_type = 'touch' and t.occurred_at <= c.occurred_at
                          and t.occurred_at > c.occurred_at - interval '2 seconds'
                          and ((c.visitor_key is not null and t.visitor_key = c.visitor_key)
                            or (c.household_key is not null and t.household_key = c.household_key))) as too_fast,
                    exists (
                        select 1 from attribution.events t
                        where t.attribution_type = 'touch' and t.occurred_at > c.occurred_at
                          and t.occurred_at <= c.occurred_at + interval '60 days'
                          and ((c.visitor_key is not null and t.visitor_key = c.visitor_key)
                            or (c.household_key is not null and t.household_key = c.household_key)))
                    and not exists (
                        select 1 from attribution.events t
                        where t.attribution_type = 'touch' and t.occurred_at <= c.occurred_at
                          and t.occurred_at >= c.occurred_at - interval '60 days'
                          and ((c.visitor_key is not null and t.visitor_key = c.visitor_key)
                            or (c.household_key is not null and t.household_key = c.household_key))) as before_exposure
                from attribution.events c
                where c.attribution_type = 'conversion' and c.id = any(cast(:ids as uuid[]))""")
                .param("ids", conversions.stream().map(EventStore.Stored::id).toArray(UUID[]::new))
                .query(rs -> {
                    List<String> found = reasons.get(Objects.requireNonNull(rs.getObject("id", UUID.class)));
                    if (found != null && rs.getBoolean("duplicate")) {
                        found.add(0, DUPLICATE_ORDER);
                    }
                    if (found != null && rs.getBoolean("too_fast")) {
                        found.add(IMPOSSIBLE_SPEED);
                    }
                    if (found != null && rs.getBoolean("before_exposure")) {
                        found.add(BEFORE_EXPOSURE);
                    }
                });
        int n = conversions.size();
        UUID[] validationIds = new UUID[n];
        UUID[] events = new UUID[n];
        String[] times = new String[n];
        String[] outcomes = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            EventStore.Stored conversion = conversions.get(i);
            List<String> found = reasons.getOrDefault(conversion.id(), List.of());
            validationIds[i] = ids.next();
            events[i] = conversion.id();
            times[i] = conversion.event().occurredAt().toString();
            outcomes[i] = outcome(found).code();
            details[i] = json.writeValueAsString(Map.of("reasons", found));
        }
        jdbc.sql("""
                insert into attribution.validations (tenant_id, id, attribution_event_id, occurred_at, validation_type,
                    outcome, passed, details, created_at)
                select platform.current_tenant_id(), i, e, t, 'conversion', o, o = 'valid', cast(d as jsonb), :now
                from unnest(cast(:ids as uuid[]), cast(:events as uuid[]), cast(:times as timestamptz[]),
                    cast(:outcomes as text[]), cast(:details as text[])) as v(i, e, t, o, d)""")
                .param("ids", validationIds)
                .param("events", events)
                .param("times", times)
                .param("outcomes", outcomes)
                .param("details", details)
                .param("now", utc(now))
                .update();
    }

    static ValidationOutcome outcome(List<String> reasons) {
        if (reasons.contains(DUPLICATE_ORDER) || reasons.contains(BOT_USER_AGENT)) {
            return ValidationOutcome.REJECTED;
        }
        return reasons.isEmpty() ? ValidationOutcome.VALID : ValidationOutcome.SUSPECT;
    }
}

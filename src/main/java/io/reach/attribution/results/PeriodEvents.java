package io.reach.attribution.results;

import static io.reach.platform.time.UtcTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what a period's attribution needs, in the workspace's transaction: its conversions (an
 * order id counts once: a conversion repeating an earlier one's order id is left out) and the
 * touches from the lookback before the period to its end.
 */
@Repository
class PeriodEvents {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;

    PeriodEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A conversion: who (visitor key, household key as hex), when, worth what. */
    record Conversion(
            UUID id,
            Instant at,
            @Nullable String visitor,
            @Nullable String household,
            double value,
            @Nullable String discountCode) {}

    /** A touch: who, when, and the point credited. */
    record TouchRow(
            Instant at,
            @Nullable String visitor,
            @Nullable String household,
            String point,
            String source,
            @Nullable UUID campaign,
            @Nullable String listener) {}

    List<Conversion> conversions(Instant from, Instant to) {
        return jdbc.sql("""
                select c.id, c.occurred_at, c.visitor_key, c.household_key, coalesce(c.value, 0) as value, c.discount_code
                from attribution.events c
                where c.attribution_type = 'conversion' and c.occurred_at >= :from and c.occurred_at < :to
                  and not exists (
                      select 1 from attribution.validations v
                      where v.attribution_event_id = c.id and v.outcome = 'rejected')
                  and (c.order_id is null or not exists (
                      select 1 from attribution.events e
                      where e.attribution_type = 'conversion' and e.order_id = c.order_id
                        and (e.occurred_at, e.id) < (c.occurred_at, c.id)))
                order by c.occurred_at, c.id""")
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, row) -> new Conversion(
                        Objects.requireNonNull(rs.getObject("id", UUID.class)),
                        Objects.requireNonNull(rs.getObject("occurred_at", OffsetDateTime.class))
                                .toInstant(),
                        rs.getString("visitor_key"),
                        hex(rs.getBytes("household_key")),
                        rs.getDouble("value"),
                        rs.getString("discount_code")))
                .list();
    }

    /** The period's conversions by validation outcome (valid, suspect, rejected). */
    Map<String, Long> outcomes(Instant from, Instant to) {
        Map<String, Long> outcomes = new TreeMap<>(Map.of("valid", 0L, "suspect", 0L, "rejected", 0L));
        jdbc.sql("""
                select outcome, count(*) as n from attribution.validations
                where occurred_at >= :from and occurred_at < :to group by outcome""").param("from", utc(from)).param("to", utc(to)).query(rs -> {
            outcomes.put(Objects.requireNonNull(rs.getString("outcome")), rs.getLong("n"));
        });
        return outcomes;
    }

    List<TouchRow> touches(Instant from, Instant to, TouchPoint by) {
        return jdbc.sql("""
                select occurred_at, visitor_key, household_key, coalesce(%s, '(none)') as point, source, campaign_id,
                    listener_id
                from attribution.events
                where attribution_type = 'touch' and occurred_at >= :from and occurred_at <= :to
                  and (visitor_key is not null or household_key is not null)
                order by occurred_at, id""".formatted(by.column()))
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, row) -> new TouchRow(
                        Objects.requireNonNull(rs.getObject("occurred_at", OffsetDateTime.class))
                                .toInstant(),
                        rs.getString("visitor_key"),
                        hex(rs.getBytes("household_key")),
                        Objects.requireNonNull(rs.getString("point")),
                        Objects.requireNonNull(rs.getString("source")),
                        rs.getObject("campaign_id", UUID.class),
                        hex(rs.getBytes("listener_id"))))
                .list();
    }

    /** The keys ({@code v:} visitor, {@code h:} household in hex) that converted in {@code [from, to)}. */
    Set<String> converters(Instant from, Instant to) {
        Set<String> keys = new HashSet<>();
        jdbc.sql("""
                        select visitor_key, household_key from attribution.events
                        where attribution_type = 'conversion' and occurred_at >= :from and occurred_at < :to""").param("from", utc(from)).param("to", utc(to)).query(rs -> {
            String visitor = rs.getString("visitor_key");
            String household = hex(rs.getBytes("household_key"));
            if (visitor != null) {
                keys.add("v:" + visitor);
            }
            if (household != null) {
                keys.add("h:" + household);
            }
        });
        return keys;
    }

    private static @Nullable String hex(byte @Nullable [] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}

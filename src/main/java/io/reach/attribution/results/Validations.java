package io.reach.attribution.results;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.attribution.events.ValidationOutcome;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.Codes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The outcomes of the conversions' checks ({@code attribution.validations}), newest first. */
@Repository
class Validations {

    static final int LIMIT = 1000;

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final JsonMapper json;

    Validations(JdbcClient jdbc, TenantTransactions transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /** A conversion's outcome and the reasons for it. */
    public record Validation(
            UUID id,
            UUID attributionEventId,
            Instant occurredAt,
            String validationType,
            ValidationOutcome outcome,
            boolean passed,
            Map<String, @Nullable Object> details) {}

    List<Validation> between(Instant from, Instant to, @Nullable ValidationOutcome outcome) {
        return transactions.inTransaction(() -> jdbc.sql("""
                select id, attribution_event_id, occurred_at, validation_type, outcome, passed, details::text as details
                from attribution.validations
                where occurred_at >= :from and occurred_at < :to and (cast(:outcome as text) is null or outcome = :outcome)
                order by occurred_at desc, id limit %d""".formatted(LIMIT))
                .param("from", utc(from))
                .param("to", utc(to))
                .param("outcome", outcome == null ? null : outcome.code())
                .query((rs, row) -> new Validation(
                        Objects.requireNonNull(rs.getObject("id", UUID.class)),
                        Objects.requireNonNull(rs.getObject("attribution_event_id", UUID.class)),
                        Objects.requireNonNull(rs.getObject("occurred_at", OffsetDateTime.class))
                                .toInstant(),
                        Objects.requireNonNull(rs.getString("validation_type")),
                        Codes.stored(ValidationOutcome.class, Objects.requireNonNull(rs.getString("outcome"))),
                        rs.getBoolean("passed"),
                        json.readValue(Objects.requireNonNull(rs.getString("details")), new TypeReference<>() {})))
                .list());
    }
}

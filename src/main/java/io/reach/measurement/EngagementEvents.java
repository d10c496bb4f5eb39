package io.reach.measurement;

import io.reach.measurement.ingest.StorableText;
import io.reach.measurement.ingest.UserAgents;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other modules record as engagement with Reach's own channels (e-mail opens and clicks,
 * human and machine) and read back for their campaign analytics. An engagement is an event of
 * {@code eventType} on a {@code page} (the thing engaged with, e.g. {@code /email-campaigns/<id>})
 * in a session (the recipient's send). They are kept apart from a site's traffic, in
 * {@code measurement.engagements}: the site's analytics (rollups, top pages, sessions, bounce
 * rate) never count them. Machine engagements are kept, flagged, and left out of the counts.
 */
@Component
public class EngagementEvents {

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final UserAgents userAgents;
    private final Ids ids;

    EngagementEvents(JdbcClient jdbc, TenantTransactions transactions, UserAgents userAgents, Ids ids) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.userAgents = userAgents;
        this.ids = ids;
    }

    public record Engagement(
            String eventType,
            String page,
            String sessionId,
            @Nullable String label,
            @Nullable String userAgent,
            boolean machine,
            Instant at) {}

    /** Stores the engagement (acknowledged once committed); the user agent only decides whether a machine engaged. */
    public void record(TenantId tenant, Engagement engagement) {
        boolean machine = engagement.machine() || userAgents.robot(engagement.userAgent());
        transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql("""
                insert into measurement.engagements (tenant_id, id, event_type, page, session_id, label, machine, created_at)
                values (:tenant, :id, :type, :page, :session, :label, :machine, :at)""")
                        .param("tenant", tenant.value())
                        .param("id", ids.next())
                        .param("type", engagement.eventType())
                        .param("page", engagement.page())
                        .param("session", engagement.sessionId())
                        .param("label", StorableText.bounded(engagement.label(), 2000))
                        .param("machine", machine)
                        .param("at", UtcTimes.utc(engagement.at()))
                        .update());
    }

    public record Day(LocalDate day, long events) {}

    /** As {@code query(Day.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Day> DAY_ROW = new SimplePropertyRowMapper<>(Day.class);

    /**
     * For the current tenant, how many human engagements of {@code eventType} a page had per day
     * of {@code zone} in {@code [from, to)}; days without any are left out.
     */
    public List<Day> dailyOnPage(String eventType, String page, Instant from, Instant to, ZoneId zone) {
        return jdbc.sql("""
                select (date_trunc('day', created_at, :zone) at time zone :zone)::date as day, count(*) as events
                from measurement.engagements
                where event_type = :type and page = :page and not machine and created_at >= :from and created_at < :to
                group by 1 order by 1""")
                .param("zone", zone.getId())
                .param("type", eventType)
                .param("page", page)
                .param("from", UtcTimes.utc(from))
                .param("to", UtcTimes.utc(to))
                .query(DAY_ROW)
                .list();
    }

    /** For the current tenant, how many human engagements of {@code eventType} each page had in {@code [from, to)}. */
    public Map<String, Long> eventsByPage(String eventType, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select page, count(*) as events from measurement.engagements
                where event_type = :type and not machine and created_at >= :from and created_at < :to
                group by 1 order by 2 desc, 1""")
                .param("type", eventType)
                .param("from", UtcTimes.utc(from))
                .param("to", UtcTimes.utc(to))
                .query((rs, row) -> counts.put(rs.getString("page"), rs.getLong("events")))
                .list();
        return counts;
    }
}

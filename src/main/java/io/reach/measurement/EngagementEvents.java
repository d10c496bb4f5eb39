package io.reach.measurement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;

/**
 * What other modules record as behaviour events (e-mail opens and clicks) and read back from the
 * rollups. An engagement is an event of {@code eventType} on a {@code page} (the thing engaged
 * with, e.g. {@code /email-campaigns/<id>}) in a session (the recipient's send); machine
 * engagements are stored as robot events, which dashboards leave out by default.
 */
@Component
public class EngagementEvents {

    private final TrackerWriter writer;
    private final AnalyticsQueries queries;
    private final TrackerRollups rollups;
    private final UserAgents userAgents;
    private final Ids ids;
    private final Clock clock;

    EngagementEvents(TrackerWriter writer, AnalyticsQueries queries, TrackerRollups rollups, UserAgents userAgents,
            Ids ids, Clock clock) {
        this.writer = writer;
        this.queries = queries;
        this.rollups = rollups;
        this.userAgents = userAgents;
        this.ids = ids;
        this.clock = clock;
    }

    public record Engagement(String eventType, String page, String sessionId, @Nullable String label,
            @Nullable String userAgent, boolean machine, Instant at) {
    }

    /** Stores the engagement (acknowledged once committed); its device, browser and OS come from the user agent. */
    public void record(TenantId tenant, Engagement engagement) {
        UUID id = ids.next();
        UserAgents.Parsed agent = userAgents.parse(engagement.userAgent());
        TrackerEvent event = new TrackerEvent(id, id.toString(), engagement.sessionId(), null, engagement.eventType(),
                "engagement", null, engagement.label(), engagement.page(), null, engagement.userAgent(), null,
                agent.deviceType(), agent.browserName(), agent.operatingSystem(), null, null, "{}",
                engagement.machine() || agent.bot(), engagement.at(), agent.deviceBrand(), agent.deviceModel(),
                Geolocation.Place.UNKNOWN);
        writer.write(tenant, List.of(event), clock.instant());
    }

    public record Day(LocalDate day, long events) {
    }

    /**
     * For the current tenant, how many human events of {@code eventType} a page had per day of
     * {@code zone} in {@code [from, to)}, from the rollups; days without any are left out.
     */
    public List<Day> dailyOnPage(String eventType, String page, Instant from, Instant to, ZoneId zone) {
        var scope = new AnalyticsQueries.Scope(from, to, Map.of("event_type", eventType, "page_url", page), false);
        return queries.timeseries("events", "day", zone, scope, rollups.progress()).stream()
                .map(point -> new Day(point.period().toLocalDate(), point.value().longValue())).toList();
    }

    /**
     * For the current tenant, how many human events of {@code eventType} each page had in
     * {@code [from, to)}, read from the rollups (and raw events for the hours they have not reached).
     */
    public Map<String, Long> eventsByPage(String eventType, Instant from, Instant to) {
        var scope = new AnalyticsQueries.Scope(from, to, Map.of("event_type", eventType), false);
        Map<String, Long> counts = new LinkedHashMap<>();
        queries.top("page_url", 100_000, scope, rollups.progress())
                .forEach(ranked -> counts.put(ranked.value(), ranked.events()));
        return counts;
    }
}

package io.reach.measurement.ingest;

import io.reach.platform.database.CopyCsv;
import io.reach.platform.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tracker events as UTF-8 CSV rows for {@code COPY … (format csv)}: every value quoted (quotes
 * doubled, NUL characters, which PostgreSQL text cannot hold, dropped), nulls left empty. Made as
 * bytes so the driver sends them as they are.
 */
final class TrackerCsv {

    private TrackerCsv() {}

    static byte[] rows(TenantId tenant, UUID site, List<TrackerEvent> events, Instant receivedAt) {
        StringBuilder csv = new StringBuilder(events.size() * 768); // room for a typical row: growing copies it all
        String tenantId = tenant.value().toString();
        String siteId = site.toString();
        String received = receivedAt.toString();
        for (TrackerEvent e : events) {
            CopyCsv.row(
                    csv,
                    tenantId,
                    siteId,
                    e.id().toString(),
                    e.eventId(),
                    e.sessionId(),
                    e.userId(),
                    e.eventType(),
                    e.eventCategory(),
                    e.eventAction(),
                    e.eventLabel(),
                    e.pageUrl(),
                    e.referrerUrl(),
                    e.userAgent(),
                    e.ipAddress(),
                    e.deviceType(),
                    e.browserName(),
                    e.operatingSystem(),
                    e.screenResolution(),
                    e.eventValue() == null ? null : e.eventValue().toPlainString(),
                    e.customProperties(),
                    e.bot() ? "t" : "f",
                    e.createdAt().toString(),
                    received,
                    e.place().countryCode(),
                    e.place().region(),
                    e.place().city());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}

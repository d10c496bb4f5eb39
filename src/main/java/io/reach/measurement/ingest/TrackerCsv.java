package io.reach.measurement.ingest;

import io.reach.platform.database.CsvRows;
import io.reach.platform.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tracker events as UTF-8 CSV rows for {@code COPY … (format csv)} ({@link CsvRows}), made as bytes so the
 * driver sends them as they are.
 */
final class TrackerCsv {

    private TrackerCsv() {}

    static CsvRows rows(TenantId tenant, UUID site, List<TrackerEvent> events, Instant receivedAt) {
        CsvRows csv = new CsvRows(events.size() * 512); // room for a typical row: growing copies it all
        String tenantId = tenant.value().toString();
        String siteId = site.toString();
        String received = receivedAt.toString();
        for (TrackerEvent e : events) {
            csv.row(
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
        return csv;
    }
}

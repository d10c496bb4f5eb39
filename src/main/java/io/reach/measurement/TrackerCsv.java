package io.reach.measurement;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.reach.platform.tenant.TenantId;

/** Tracker events as CSV rows for {@code COPY … (format csv)}: every value quoted, nulls left empty. */
final class TrackerCsv {

    private TrackerCsv() {
    }

    static String rows(TenantId tenant, List<TrackerEvent> events, Instant receivedAt) {
        StringBuilder csv = new StringBuilder(events.size() * 256);
        String tenantId = tenant.value().toString();
        String received = receivedAt.toString();
        for (TrackerEvent e : events) {
            append(csv, tenantId, e.id().toString(), e.eventId(), e.sessionId(), e.userId(), e.eventType(),
                    e.eventCategory(), e.eventAction(), e.eventLabel(), e.pageUrl(), e.referrerUrl(), e.userAgent(),
                    e.ipAddress(), e.deviceType(), e.browserName(), e.operatingSystem(), e.screenResolution(),
                    e.eventValue() == null ? null : e.eventValue().toPlainString(), e.customProperties(),
                    e.bot() ? "t" : "f", e.createdAt().toString(), received, e.place().countryCode(), e.place().region(),
                    e.place().city());
        }
        return csv.toString();
    }

    private static void append(StringBuilder csv, @Nullable String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            if (values[i] != null) {
                csv.append('"').append(values[i].replace("\u0000", "").replace("\"", "\"\"")).append('"');
            }
        }
        csv.append('\n');
    }
}

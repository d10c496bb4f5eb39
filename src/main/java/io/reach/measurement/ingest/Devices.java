package io.reach.measurement.ingest;

import io.reach.platform.ids.Ids;
import io.reach.platform.security.TokenHashes;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The global reference table of devices: each user agent and screen seen, once, with when it was
 * first seen. The pairs this node stored are remembered, so later batches skip them.
 */
@Repository
class Devices {

    private static final String REMEMBER = """
            insert into measurement.devices (id, user_agent_hash, device_type, device_brand, device_model, operating_system,
                browser, screen_resolution, user_agent, created_at)
            values (:id, :hash, :type, :brand, :model, :os, :browser, :screen, :agent, :now)
            on conflict (user_agent_hash, screen_resolution) do nothing""";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final KnownKeys<String> known = new KnownKeys<>(10_000);

    Devices(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    void remember(List<TrackerEvent> events, Instant now) {
        Map<String, TrackerEvent> distinct = new LinkedHashMap<>();
        for (TrackerEvent event : events) {
            if (event.userAgent() != null) {
                distinct.putIfAbsent(event.userAgent() + "\n" + screen(event), event);
            }
        }
        List<String> unknown = known.unknown(distinct.keySet());
        for (String key : unknown) {
            TrackerEvent device = distinct.get(key);
            jdbc.sql(REMEMBER)
                    .param("id", ids.next())
                    .param("hash", TokenHashes.sha256(device.userAgent()))
                    .param("type", device.deviceType())
                    .param("brand", device.deviceBrand())
                    .param("model", device.deviceModel())
                    .param("os", device.operatingSystem())
                    .param("browser", device.browserName())
                    .param("screen", screen(device))
                    .param("agent", device.userAgent())
                    .param("now", UtcTimes.utc(now))
                    .update();
        }
        known.storedOnCommit(unknown);
    }

    private static String screen(TrackerEvent event) {
        return event.screenResolution() == null ? "" : event.screenResolution();
    }
}

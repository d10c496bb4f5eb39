package io.reach.podcasts.downloads;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.JsonObjectLines;
import io.reach.podcasts.listeners.ListenerAddresses;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch of download-log lines — a JSON array, or NDJSON — each on its own: a bad line is
 * refused with its reasons and never holds up the good ones. A line has {@code time} (ISO-8601, or
 * epoch seconds), {@code ip}, {@code user_agent}, {@code method} (GET when left out), {@code status},
 * {@code range} (the header as sent), {@code bytes} (the bytes served), {@code episode} (id, guid or
 * audio address) and {@code referrer}; other keys are refused.
 */
final class DownloadLines {

    static final int MAX_LINES = 10_000;
    private static final Map<String, Integer> TEXT_LIMITS =
            Map.of("user_agent", 1024, "method", 16, "range", 200, "episode", 2000, "referrer", 2048, "ip", 64);
    private static final Set<String> OTHER_KEYS = Set.of("time", "status", "bytes");

    private DownloadLines() {}

    /** A line by position: read, or refused with its reasons. */
    record Line(int index, @Nullable DownloadRequest request, List<FieldError> errors) {}

    static List<Line> read(String body, JsonMapper json, Instant oldest, Instant newest) {
        return JsonObjectLines.read(body, json, MAX_LINES).stream()
                .map(raw -> {
                    Map<String, @Nullable Object> fields = raw.fields();
                    return fields == null
                            ? new Line(raw.index(), null, raw.errors())
                            : line(raw.index(), fields, oldest, newest);
                })
                .toList();
    }

    private static Line line(int index, Map<String, @Nullable Object> node, Instant oldest, Instant newest) {
        List<FieldError> errors =
                new ArrayList<>(JsonObjectLines.checkKeys(node, TEXT_LIMITS, OTHER_KEYS, "a download-log"));
        Instant time = JsonObjectLines.time(node.get("time"));
        if (time == null) {
            errors.add(new FieldError(
                    "time", "is required: an ISO-8601 instant such as 2026-11-22T10:15:30Z, or epoch seconds"));
        } else if (time.isBefore(oldest) || time.isAfter(newest)) {
            errors.add(new FieldError("time", "must lie between " + oldest + " and " + newest + " (the retention)"));
        }
        InetAddress ip = ListenerAddresses.parse(JsonObjectLines.text(node, "ip"));
        if (ip == null) {
            errors.add(new FieldError("ip", "is required: a literal IPv4 or IPv6 address"));
        }
        Object status = node.get("status");
        if (!(status instanceof Long code) || code < 0 || code > 999) {
            errors.add(new FieldError("status", "is required: the HTTP status answered (0 to 999)"));
        }
        Object bytes = node.get("bytes");
        if (bytes != null && !(bytes instanceof Long served && served >= 0)) {
            errors.add(new FieldError("bytes", "is the bytes served, a whole number of 0 or more"));
        }
        String episode = JsonObjectLines.text(node, "episode");
        if (episode == null) {
            errors.add(new FieldError("episode", "is required: the episode's id, guid or audio address"));
        }
        if (!errors.isEmpty() || time == null || ip == null || episode == null || !(status instanceof Long answered)) {
            return new Line(index, null, List.copyOf(errors));
        }
        String method = JsonObjectLines.text(node, "method");
        return new Line(
                index,
                new DownloadRequest(
                        time,
                        ip,
                        JsonObjectLines.text(node, "user_agent"),
                        method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT),
                        answered.intValue(),
                        JsonObjectLines.text(node, "range"),
                        bytes instanceof Long served ? served : null,
                        episode,
                        JsonObjectLines.text(node, "referrer")),
                List.of());
    }
}

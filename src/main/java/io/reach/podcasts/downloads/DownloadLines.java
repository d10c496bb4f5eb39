package io.reach.podcasts.downloads;

import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.FieldError;
import io.reach.podcasts.listeners.ListenerAddresses;
import java.net.InetAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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
        String text = body.strip();
        if (text.isEmpty()) {
            throw new BadRequestException("Malformed batch", "The batch has no lines");
        }
        if (!text.startsWith("[") && !text.startsWith("{")) {
            throw new BadRequestException("Malformed batch", "The body is neither a JSON array nor NDJSON objects");
        }
        List<Line> lines = new ArrayList<>();
        if (text.startsWith("[")) {
            JsonNode array;
            try {
                array = json.readTree(text);
            } catch (JacksonException e) {
                throw new BadRequestException(
                        "Malformed batch", "The body is not a JSON array: " + e.getOriginalMessage());
            }
            for (JsonNode element : array) {
                lines.add(line(lines.size(), element, oldest, newest));
                tooMany(lines.size());
            }
        } else {
            for (String part : text.split("\\R")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    lines.add(line(lines.size(), json.readTree(part), oldest, newest));
                } catch (JacksonException e) {
                    lines.add(new Line(
                            lines.size(), null, List.of(new FieldError("", "is not JSON: " + e.getOriginalMessage()))));
                }
                tooMany(lines.size());
            }
        }
        if (lines.isEmpty()) {
            throw new BadRequestException("Malformed batch", "The batch has no lines");
        }
        return lines;
    }

    private static void tooMany(int count) {
        if (count > MAX_LINES) {
            throw new BadRequestException("Malformed batch", "A batch holds at most " + MAX_LINES + " lines");
        }
    }

    private static Line line(int index, JsonNode node, Instant oldest, Instant newest) {
        if (!node.isObject()) {
            return new Line(index, null, List.of(new FieldError("", "is not a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (var field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            Integer limit = TEXT_LIMITS.get(key);
            if (limit == null && !OTHER_KEYS.contains(key)) {
                errors.add(new FieldError(key, "is not a download-log field"));
            } else if (limit != null && !value.isNull() && !value.isString()) {
                errors.add(new FieldError(key, "is text"));
            } else if (limit != null && value.isString() && value.asString().length() > limit) {
                errors.add(new FieldError(key, "is at most " + limit + " characters"));
            }
        }
        Instant time = time(node.path("time"));
        if (time == null) {
            errors.add(new FieldError(
                    "time", "is required: an ISO-8601 instant such as 2026-11-22T10:15:30Z, or epoch seconds"));
        } else if (time.isBefore(oldest) || time.isAfter(newest)) {
            errors.add(new FieldError("time", "must lie between " + oldest + " and " + newest + " (the retention)"));
        }
        InetAddress ip = ListenerAddresses.parse(text(node, "ip"));
        if (ip == null) {
            errors.add(new FieldError("ip", "is required: a literal IPv4 or IPv6 address"));
        }
        JsonNode status = node.path("status");
        if (!status.isInt() || status.asInt() < 0 || status.asInt() > 999) {
            errors.add(new FieldError("status", "is required: the HTTP status answered (0 to 999)"));
        }
        JsonNode bytes = node.path("bytes");
        if (!bytes.isMissingNode()
                && !bytes.isNull()
                && !(bytes.isIntegralNumber() && bytes.canConvertToLong() && bytes.asLong() >= 0)) {
            errors.add(new FieldError("bytes", "is the bytes served, a whole number of 0 or more"));
        }
        String episode = text(node, "episode");
        if (episode == null) {
            errors.add(new FieldError("episode", "is required: the episode's id, guid or audio address"));
        }
        String method = text(node, "method");
        for (String key : List.of("user_agent", "range", "referrer", "method", "episode")) {
            String value = text(node, key);
            if (value != null && !storable(value)) {
                errors.add(new FieldError(
                        key, "contains a character that cannot be stored (NUL or an unpaired surrogate)"));
            }
        }
        if (!errors.isEmpty() || time == null || ip == null || episode == null) {
            return new Line(index, null, List.copyOf(errors));
        }
        return new Line(
                index,
                new DownloadRequest(
                        time,
                        ip,
                        text(node, "user_agent"),
                        method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT),
                        status.asInt(),
                        text(node, "range"),
                        bytes.isIntegralNumber() ? bytes.asLong() : null,
                        episode,
                        text(node, "referrer")),
                List.of());
    }

    private static @Nullable Instant time(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Instant.ofEpochSecond(value.asLong());
        }
        if (value.isString()) {
            try {
                return Instant.parse(value.asString());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    /** Whether PostgreSQL text can hold it: no NUL, no unpaired surrogate. */
    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}

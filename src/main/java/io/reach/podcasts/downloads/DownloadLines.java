package io.reach.podcasts.downloads;

import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.FieldError;
import io.reach.podcasts.listeners.ListenerAddresses;
import java.net.InetAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
            try (JsonParser parser = json.createParser(text)) {
                parser.nextToken();
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (token == null) {
                        throw new BadRequestException("Malformed batch", "The body is not a JSON array: it ends early");
                    }
                    lines.add(
                            token == JsonToken.START_OBJECT
                                    ? line(lines.size(), fields(parser), oldest, newest)
                                    : notAnObject(lines.size(), parser));
                    tooMany(lines.size());
                }
                if (parser.nextToken() != null) {
                    throw new BadRequestException("Malformed batch", "The body has more after its JSON array");
                }
            } catch (JacksonException e) {
                throw new BadRequestException(
                        "Malformed batch", "The body is not a JSON array: " + e.getOriginalMessage());
            }
        } else {
            for (String part : text.split("\\R")) {
                if (part.isBlank()) {
                    continue;
                }
                lines.add(ndjsonLine(lines.size(), part, json, oldest, newest));
                tooMany(lines.size());
            }
        }
        if (lines.isEmpty()) {
            throw new BadRequestException("Malformed batch", "The batch has no lines");
        }
        return lines;
    }

    private static Line ndjsonLine(int index, String part, JsonMapper json, Instant oldest, Instant newest) {
        try (JsonParser parser = json.createParser(part)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return new Line(index, null, List.of(new FieldError("", "is not a JSON object")));
            }
            Map<String, @Nullable Object> fields = fields(parser);
            if (parser.nextToken() != null) {
                return new Line(index, null, List.of(new FieldError("", "is not one JSON object")));
            }
            return line(index, fields, oldest, newest);
        } catch (JacksonException e) {
            return new Line(index, null, List.of(new FieldError("", "is not JSON: " + e.getOriginalMessage())));
        }
    }

    private static Line notAnObject(int index, JsonParser parser) {
        parser.skipChildren();
        return new Line(index, null, List.of(new FieldError("", "is not a JSON object")));
    }

    /** Something other than a text, a number or a boolean (an object or an array). */
    private static final Object NESTED = new Object();

    /** The fields of the object the parser is at the start of, by name: texts, longs, doubles, booleans, nulls. */
    private static Map<String, @Nullable Object> fields(JsonParser parser) {
        Map<String, @Nullable Object> fields = new HashMap<>(16);
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            Object value = switch (token) {
                case VALUE_STRING -> parser.getString();
                case VALUE_NUMBER_INT ->
                    parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? NESTED
                            : (Object) parser.getLongValue();
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> {
                    parser.skipChildren();
                    yield NESTED;
                }
            };
            fields.put(name, value);
        }
        return fields;
    }

    private static void tooMany(int count) {
        if (count > MAX_LINES) {
            throw new BadRequestException("Malformed batch", "A batch holds at most " + MAX_LINES + " lines");
        }
    }

    private static Line line(int index, Map<String, @Nullable Object> node, Instant oldest, Instant newest) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, @Nullable Object> field : node.entrySet()) {
            String key = field.getKey();
            Object value = field.getValue();
            Integer limit = TEXT_LIMITS.get(key);
            if (limit == null && !OTHER_KEYS.contains(key)) {
                errors.add(new FieldError(key, "is not a download-log field"));
            } else if (limit != null && value != null && !(value instanceof String)) {
                errors.add(new FieldError(key, "is text"));
            } else if (limit != null && value instanceof String text && text.length() > limit) {
                errors.add(new FieldError(key, "is at most " + limit + " characters"));
            } else if (limit != null && value instanceof String text && !storable(text)) {
                errors.add(new FieldError(
                        key, "contains a character that cannot be stored (NUL or an unpaired surrogate)"));
            }
        }
        Instant time = time(node.get("time"));
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
        Object status = node.get("status");
        if (!(status instanceof Long code) || code < 0 || code > 999) {
            errors.add(new FieldError("status", "is required: the HTTP status answered (0 to 999)"));
        }
        Object bytes = node.get("bytes");
        if (bytes != null && !(bytes instanceof Long served && served >= 0)) {
            errors.add(new FieldError("bytes", "is the bytes served, a whole number of 0 or more"));
        }
        String episode = text(node, "episode");
        if (episode == null) {
            errors.add(new FieldError("episode", "is required: the episode's id, guid or audio address"));
        }
        if (!errors.isEmpty() || time == null || ip == null || episode == null || !(status instanceof Long answered)) {
            return new Line(index, null, List.copyOf(errors));
        }
        String method = text(node, "method");
        return new Line(
                index,
                new DownloadRequest(
                        time,
                        ip,
                        text(node, "user_agent"),
                        method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT),
                        answered.intValue(),
                        text(node, "range"),
                        bytes instanceof Long served ? served : null,
                        episode,
                        text(node, "referrer")),
                List.of());
    }

    private static @Nullable Instant time(@Nullable Object value) {
        if (value instanceof Long seconds) {
            return seconds > -31_000_000_000L && seconds < 31_000_000_000L ? Instant.ofEpochSecond(seconds) : null;
        }
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable String text(Map<String, @Nullable Object> node, String key) {
        return node.get(key) instanceof String value && !value.isBlank() ? value : null;
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

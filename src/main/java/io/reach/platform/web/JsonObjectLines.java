package io.reach.platform.web;

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
 * A batch of flat JSON objects — a JSON array, or NDJSON — read one line at a time: a line that is
 * not an object is refused with its reason and never holds up the others; a body that is neither
 * (or has more than the limit of lines) is refused whole. Each line's fields come as texts, longs,
 * doubles, booleans and nulls; a nested object or array is {@link #NESTED}.
 */
public final class JsonObjectLines {

    /** The value of a field holding an object, an array or a number too large for a long. */
    public static final Object NESTED = new Object();

    private JsonObjectLines() {}

    /** A line by position (from 0): its fields, or why it is not an object. */
    public record Line(int index, @Nullable Map<String, @Nullable Object> fields, List<FieldError> errors) {}

    public static List<Line> read(String body, JsonMapper json, int maxLines) {
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
                    if (token == JsonToken.START_OBJECT) {
                        lines.add(new Line(lines.size(), fields(parser), List.of()));
                    } else {
                        parser.skipChildren();
                        lines.add(refused(lines.size(), "is not a JSON object"));
                    }
                    tooMany(lines.size(), maxLines);
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
                if (!part.isBlank()) {
                    lines.add(ndjsonLine(lines.size(), part, json));
                    tooMany(lines.size(), maxLines);
                }
            }
        }
        if (lines.isEmpty()) {
            throw new BadRequestException("Malformed batch", "The batch has no lines");
        }
        return lines;
    }

    /**
     * The refusals of a line's keys: unknown keys ({@code kind} names the lines, as in "is not a
     * download-log field"), texts that are not text, too long or not storable.
     */
    public static List<FieldError> checkKeys(
            Map<String, @Nullable Object> fields, Map<String, Integer> textLimits, Set<String> otherKeys, String kind) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, @Nullable Object> field : fields.entrySet()) {
            String key = field.getKey();
            Object value = field.getValue();
            Integer limit = textLimits.get(key);
            if (limit == null && !otherKeys.contains(key)) {
                errors.add(new FieldError(key, "is not " + kind + " field"));
            } else if (limit != null && value != null && !(value instanceof String)) {
                errors.add(new FieldError(key, "is text"));
            } else if (limit != null && value instanceof String text && text.length() > limit) {
                errors.add(new FieldError(key, "is at most " + limit + " characters"));
            } else if (limit != null && value instanceof String text && !storable(text)) {
                errors.add(new FieldError(
                        key, "contains a character that cannot be stored (NUL or an unpaired surrogate)"));
            }
        }
        return errors;
    }

    /** An instant given as ISO-8601 text or epoch seconds, or null when it is neither. */
    public static @Nullable Instant time(@Nullable Object value) {
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

    /** A field's text, or null when it is missing, blank or not text. */
    public static @Nullable String text(Map<String, @Nullable Object> fields, String key) {
        return fields.get(key) instanceof String value && !value.isBlank() ? value : null;
    }

    /**
     * A value (a request header, say) as a column of at most {@code limit} characters can take it:
     * cut to the limit (never inside a surrogate pair), or null when it cannot be stored at all.
     */
    public static @Nullable String bounded(@Nullable String value, int limit) {
        if (value == null || !storable(value)) {
            return null;
        }
        if (value.length() <= limit) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(limit - 1)) ? limit - 1 : limit;
        return value.substring(0, end);
    }

    /** Whether PostgreSQL text can hold it: no NUL, no unpaired surrogate. */
    public static boolean storable(String text) {
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

    private static Line ndjsonLine(int index, String part, JsonMapper json) {
        try (JsonParser parser = json.createParser(part)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return refused(index, "is not a JSON object");
            }
            Map<String, @Nullable Object> fields = fields(parser);
            if (parser.nextToken() != null) {
                return refused(index, "is not one JSON object");
            }
            return new Line(index, fields, List.of());
        } catch (JacksonException e) {
            return refused(index, "is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Line refused(int index, String reason) {
        return new Line(index, null, List.of(new FieldError("", reason)));
    }

    /** The fields of the object the parser is at the start of, by name. */
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

    private static void tooMany(int count, int maxLines) {
        if (count > maxLines) {
            throw new BadRequestException("Malformed batch", "A batch holds at most " + maxLines + " lines");
        }
    }
}

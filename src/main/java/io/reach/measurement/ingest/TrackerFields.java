package io.reach.measurement.ingest;

import io.reach.platform.web.FieldError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * One tracker event read from the parser in a single pass (no tree of the whole event): each documented
 * field's value in its slot, a JSON null the same as an absent field, and the keys in the order they
 * first came, so {@link #problems} reports them in document order. A repeated key keeps its last value.
 */
final class TrackerFields {

    /** The documented fields: text ones with their length limits, then the three others. */
    enum Field {
        EVENT_ID("event_id", 128),
        SESSION_ID("session_id", 255),
        USER_ID("user_id", 255),
        EVENT_TYPE("event_type", 64),
        EVENT_CATEGORY("event_category", 255),
        EVENT_ACTION("event_action", 255),
        EVENT_LABEL("event_label", 255),
        PAGE_URL("page_url", 2048),
        REFERRER_URL("referrer_url", 2048),
        USER_AGENT("user_agent", 1024),
        IP_ADDRESS("ip_address", 64),
        DEVICE_TYPE("device_type", 64),
        BROWSER_NAME("browser_name", 64),
        OPERATING_SYSTEM("operating_system", 64),
        SCREEN_RESOLUTION("screen_resolution", 32),
        EVENT_VALUE("event_value", 0),
        CUSTOM_PROPERTIES("custom_properties", 0),
        CREATED_AT("created_at", 0);

        private static final Map<String, Field> BY_KEY = new HashMap<>();

        static {
            for (Field field : values()) {
                BY_KEY.put(field.key, field);
            }
        }

        final String key;
        /** The most characters of a text field; 0 for the fields that are not text. */
        final int limit;

        Field(String key, int limit) {
            this.key = key;
            this.limit = limit;
        }

        boolean text() {
            return limit > 0;
        }
    }

    /** What a text field or {@code created_at} holds when its value is not a JSON string. */
    private static final Object NOT_TEXT = new Object();

    private final @Nullable Object[] values = new Object[Field.values().length];
    /** Keys in the order they first came: a {@link Field}, or the unknown key's name. */
    private final List<Object> keys = new ArrayList<>(12);

    private TrackerFields() {}

    /** Reads the object whose START_OBJECT the parser is on, up to and including its END_OBJECT. */
    static TrackerFields read(JsonParser parser) {
        TrackerFields event = new TrackerFields();
        for (String key = parser.nextName(); key != null; key = parser.nextName()) {
            Field field = Field.BY_KEY.get(key);
            JsonToken token = parser.nextToken();
            if (field == null) {
                event.noteKey(key);
                parser.skipChildren();
                continue;
            }
            event.noteKey(field);
            event.values[field.ordinal()] = switch (field) {
                case EVENT_VALUE, CUSTOM_PROPERTIES -> token == JsonToken.VALUE_NULL ? null : parser.readValueAsTree();
                default -> text(parser, token);
            };
        }
        return event;
    }

    private static @Nullable Object text(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return token == JsonToken.VALUE_NULL ? null : NOT_TEXT;
    }

    private void noteKey(Object key) {
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }

    /** What is wrong with the event; empty when it can be stored. */
    List<FieldError> problems(Instant now, Duration lateWindow, Duration earlyWindow) {
        List<FieldError> problems = new ArrayList<>();
        for (Object key : keys) {
            if (!(key instanceof Field field)) {
                problems.add(new FieldError((String) key, "is not a tracker field"));
            } else if (field.text()) {
                textProblem(field).ifPresent(problems::add);
            }
        }
        Object type = values[Field.EVENT_TYPE.ordinal()];
        if (type == null || type instanceof String given && given.isBlank()) {
            problems.add(new FieldError("event_type", "is required"));
        }
        JsonNode value = node(Field.EVENT_VALUE);
        if (value != null && !value.isNumber()) {
            problems.add(new FieldError("event_value", "is a number"));
        } else if (value != null && EventValues.of(value) == null) {
            problems.add(new FieldError("event_value", EventValues.RANGE));
        }
        JsonNode properties = node(Field.CUSTOM_PROPERTIES);
        if (properties != null && !properties.isObject()) {
            problems.add(new FieldError("custom_properties", "is a JSON object"));
        } else if (properties != null) {
            StorableText.firstRefusedIn(properties, "custom_properties")
                    .ifPresent(path -> problems.add(new FieldError(path, StorableText.REFUSAL_IN_JSON)));
        }
        if (values[Field.CREATED_AT.ordinal()] != null) {
            Instant at = createdAt();
            if (at == null) {
                problems.add(new FieldError("created_at", "is an ISO-8601 instant such as 2026-11-22T10:15:30Z"));
            } else if (at.isBefore(now.minus(lateWindow)) || at.isAfter(now.plus(earlyWindow))) {
                problems.add(new FieldError(
                        "created_at",
                        "must lie between " + lateWindow.toDays() + " days ago and " + earlyWindow.toMinutes()
                                + " minutes ahead"));
            }
        }
        return problems;
    }

    private java.util.Optional<FieldError> textProblem(Field field) {
        Object value = values[field.ordinal()];
        if (value == NOT_TEXT) {
            return java.util.Optional.of(new FieldError(field.key, "is text"));
        }
        if (value instanceof String text && text.length() > field.limit) {
            return java.util.Optional.of(new FieldError(field.key, "is at most " + field.limit + " characters"));
        }
        if (value instanceof String text && !StorableText.storable(text)) {
            return java.util.Optional.of(new FieldError(field.key, StorableText.REFUSAL));
        }
        return java.util.Optional.empty();
    }

    /** A text field's value, or null when absent, not text or blank. */
    @Nullable
    String text(Field field) {
        return values[field.ordinal()] instanceof String text && !text.isBlank() ? text : null;
    }

    /** The event's time as sent, or null when none was given or it is not an ISO-8601 instant. */
    @Nullable
    Instant createdAt() {
        return values[Field.CREATED_AT.ordinal()] instanceof String text ? EventTimes.parse(text) : null;
    }

    /** The event's value as stored, or null. */
    @Nullable
    BigDecimal value() {
        JsonNode value = node(Field.EVENT_VALUE);
        return value != null && value.isNumber() ? EventValues.of(value) : null;
    }

    /** The custom properties as JSON text ({@code {}} when none). */
    String customProperties() {
        JsonNode properties = node(Field.CUSTOM_PROPERTIES);
        return properties != null && properties.isObject() ? properties.toString() : "{}";
    }

    /** The sender's event id, or one made from Reach's own id (then retries are not recognised). */
    String eventId(UUID id) {
        String given = text(Field.EVENT_ID);
        return given == null ? id.toString() : given;
    }

    private @Nullable JsonNode node(Field field) {
        return values[field.ordinal()] instanceof JsonNode node && !node.isNull() ? node : null;
    }
}

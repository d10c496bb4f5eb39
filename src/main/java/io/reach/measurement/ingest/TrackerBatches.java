package io.reach.measurement.ingest;

import io.reach.platform.web.FieldError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch of tracker events — a JSON array, or NDJSON (one object per line) — and checks
 * each event on its own: a bad event is rejected with its reasons and never holds up the good
 * ones. Only the documented keys are accepted; times must fall within the accepted window.
 */
final class TrackerBatches {

    static final int MAX_EVENTS = 10_000;
    private static final Map<String, Integer> TEXT_LIMITS = Map.ofEntries(
            Map.entry("event_id", 128),
            Map.entry("session_id", 255),
            Map.entry("user_id", 255),
            Map.entry("event_type", 64),
            Map.entry("event_category", 255),
            Map.entry("event_action", 255),
            Map.entry("event_label", 255),
            Map.entry("page_url", 2048),
            Map.entry("referrer_url", 2048),
            Map.entry("user_agent", 1024),
            Map.entry("ip_address", 64),
            Map.entry("device_type", 64),
            Map.entry("browser_name", 64),
            Map.entry("operating_system", 64),
            Map.entry("screen_resolution", 32));
    private static final Set<String> OTHER_KEYS = Set.of("event_value", "custom_properties", "created_at");

    private TrackerBatches() {}

    /** A batch's events by position: each either read or refused. */
    record Item(int index, @Nullable JsonNode event, List<FieldError> errors) {}

    /** Splits the body into events; a line or element that is not a JSON object is an item with an error. */
    static List<Item> items(String body, JsonMapper json) {
        String text = body.strip();
        List<Item> items = new ArrayList<>();
        // Only a body that starts like JSON is read event by event: plain text, a bare number or
        // string is not a batch at all, so it is refused whole rather than "accepted" with 0 events.
        if (!text.isEmpty() && !text.startsWith("[") && !text.startsWith("{")) {
            throw new MalformedBatch("The body is neither a JSON array nor NDJSON objects");
        }
        if (text.startsWith("[")) {
            JsonNode array;
            try {
                array = json.readTree(text);
            } catch (JacksonException e) {
                throw new MalformedBatch("The body is not a JSON array: " + e.getOriginalMessage());
            }
            for (JsonNode element : array) {
                items.add(item(items.size(), element));
            }
        } else {
            for (String line : text.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    items.add(item(items.size(), json.readTree(line)));
                } catch (JacksonException e) {
                    items.add(new Item(
                            items.size(), null, List.of(new FieldError("", "is not JSON: " + e.getOriginalMessage()))));
                }
            }
        }
        if (items.isEmpty()) {
            throw new MalformedBatch("The batch has no events");
        }
        if (items.size() > MAX_EVENTS) {
            throw new MalformedBatch("A batch holds at most " + MAX_EVENTS + " events; this one has " + items.size());
        }
        return items;
    }

    private static Item item(int index, JsonNode element) {
        return element.isObject()
                ? new Item(index, element, List.of())
                : new Item(index, null, List.of(new FieldError("", "is not a JSON object")));
    }

    /** What is wrong with one event; empty when it can be stored. */
    static List<FieldError> problems(JsonNode event, Instant now, Duration lateWindow, Duration earlyWindow) {
        List<FieldError> problems = new ArrayList<>();
        for (var field : event.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            Integer limit = TEXT_LIMITS.get(key);
            if (limit == null && !OTHER_KEYS.contains(key)) {
                problems.add(new FieldError(key, "is not a tracker field"));
            } else if (limit != null && !value.isNull() && !value.isString()) {
                problems.add(new FieldError(key, "is text"));
            } else if (limit != null && value.isString() && value.asString().length() > limit) {
                problems.add(new FieldError(key, "is at most " + limit + " characters"));
            } else if (limit != null && value.isString() && !StorableText.storable(value.asString())) {
                problems.add(new FieldError(key, StorableText.REFUSAL));
            }
        }
        JsonNode type = event.path("event_type");
        if (type.isMissingNode()
                || type.isNull()
                || type.isString() && type.asString().isBlank()) {
            problems.add(new FieldError("event_type", "is required"));
        }
        JsonNode value = event.path("event_value");
        if (!value.isMissingNode() && !value.isNull() && !value.isNumber()) {
            problems.add(new FieldError("event_value", "is a number"));
        } else if (value.isNumber() && EventValues.of(value) == null) {
            problems.add(new FieldError("event_value", EventValues.RANGE));
        }
        JsonNode properties = event.path("custom_properties");
        if (!properties.isMissingNode() && !properties.isNull() && !properties.isObject()) {
            problems.add(new FieldError("custom_properties", "is a JSON object"));
        } else if (properties.isObject()) {
            StorableText.firstRefusedIn(properties, "custom_properties")
                    .ifPresent(path -> problems.add(new FieldError(path, StorableText.REFUSAL_IN_JSON)));
        }
        JsonNode created = event.path("created_at");
        if (!created.isMissingNode() && !created.isNull()) {
            Instant at = instant(created);
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

    static @Nullable Instant instant(JsonNode value) {
        return value.isString() ? EventTimes.parse(value.asString()) : null;
    }

    /** A text field, or null. */
    static @Nullable String text(JsonNode event, String key) {
        JsonNode value = event.path(key);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    static @Nullable BigDecimal decimal(JsonNode event) {
        JsonNode value = event.path("event_value");
        return value.isNumber() ? EventValues.of(value) : null;
    }

    /** The sender's event id, or one made from Reach's own id (then retries are not recognised). */
    static String eventId(JsonNode event, UUID id) {
        String given = text(event, "event_id");
        return given == null ? id.toString() : given;
    }

    static final class MalformedBatch extends io.reach.platform.web.BadRequestException {
        MalformedBatch(String detail) {
            super("Malformed batch", detail);
        }
    }
}

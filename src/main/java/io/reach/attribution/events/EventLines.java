package io.reach.attribution.events;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.JsonObjectLines;
import io.reach.podcasts.Households;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch of touches or conversions (a JSON array or NDJSON, up to 10,000 lines), each line on
 * its own: {@code occurred_at} (ISO-8601 or epoch seconds, historical accepted), {@code visitor} (the
 * site's own visitor key), {@code ip} and {@code user_agent} (the household key is made from the
 * address, which is not kept), {@code referrer}, the five {@code utm_*}, {@code campaign}; a touch
 * has {@code channel} and may name {@code podcast}, {@code episode}, {@code sponsor}; a conversion
 * has {@code action} and may have {@code value} with {@code currency}, {@code order_id},
 * {@code discount_code}. Other keys with plain values are kept as the event's metadata.
 */
final class EventLines {

    static final int MAX_LINES = 10_000;
    static final int MAX_METADATA_KEYS = 50;
    private static final List<String> UTM =
            List.of("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content");
    private static final Map<String, Integer> COMMON_TEXTS = common();
    private static final Map<String, Integer> TOUCH_TEXTS = Map.of("channel", 100);
    private static final Map<String, Integer> CONVERSION_TEXTS =
            Map.of("action", 20, "currency", 3, "order_id", 200, "discount_code", 100);
    private static final Set<String> IDS = Set.of("campaign", "podcast", "episode", "sponsor");

    private EventLines() {}

    /** A line by position: read, or refused with its reasons. */
    record Line(int index, @Nullable IncomingEvent event, List<FieldError> errors) {}

    static List<Line> read(String body, JsonMapper json, EventKind kind, Instant oldest, Instant newest) {
        return JsonObjectLines.read(body, json, MAX_LINES).stream()
                .map(raw -> {
                    Map<String, @Nullable Object> fields = raw.fields();
                    return fields == null
                            ? new Line(raw.index(), null, raw.errors())
                            : line(raw.index(), kind, fields, oldest, newest);
                })
                .toList();
    }

    private static Line line(
            int index, EventKind kind, Map<String, @Nullable Object> fields, Instant oldest, Instant newest) {
        Map<String, Integer> texts = new HashMap<>(COMMON_TEXTS);
        texts.putAll(kind == EventKind.TOUCH ? TOUCH_TEXTS : CONVERSION_TEXTS);
        Set<String> others = kind == EventKind.TOUCH
                ? Set.of("occurred_at", "campaign", "podcast", "episode", "sponsor")
                : Set.of("occurred_at", "campaign", "value");
        Map<String, @Nullable Object> known = new HashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        fields.forEach((key, value) -> {
            if (texts.containsKey(key) || others.contains(key)) {
                known.put(key, value);
            } else {
                metadata(key, value, metadata, errors);
            }
        });
        if (metadata.size() > MAX_METADATA_KEYS) {
            errors.add(new FieldError("", "has at most " + MAX_METADATA_KEYS + " keys of its own (metadata)"));
        }
        errors.addAll(JsonObjectLines.checkKeys(known, texts, others, "an event"));
        Instant at = JsonObjectLines.time(known.get("occurred_at"));
        if (at == null) {
            errors.add(new FieldError(
                    "occurred_at", "is required: an ISO-8601 instant such as 2026-11-22T10:15:30Z, or epoch seconds"));
        } else if (at.isBefore(oldest) || at.isAfter(newest)) {
            errors.add(new FieldError("occurred_at", "must lie between " + oldest + " and " + newest));
        }
        String ipText = JsonObjectLines.text(known, "ip");
        InetAddress ip = Households.parse(ipText);
        if (ipText != null && ip == null) {
            errors.add(new FieldError("ip", "is a literal IPv4 or IPv6 address"));
        }
        Map<String, @Nullable UUID> ids = new HashMap<>();
        for (String key : IDS) {
            Object value = known.get(key);
            if (value != null) {
                ids.put(key, uuid(key, value, errors));
            }
        }
        String visitor = JsonObjectLines.text(known, "visitor");
        ConversionAction action = null;
        BigDecimal value = null;
        String currency = null;
        if (kind == EventKind.TOUCH) {
            if (JsonObjectLines.text(known, "channel") == null) {
                errors.add(new FieldError("channel", "is required: where the touch happened (podcast, email, …)"));
            }
            if (visitor == null && ip == null) {
                errors.add(new FieldError("visitor", "or ip is required: a touch no conversion can meet is no touch"));
            }
        } else {
            action = action(JsonObjectLines.text(known, "action"), errors);
            value = value(known.get("value"), errors);
            currency = JsonObjectLines.text(known, "currency");
            if (currency != null && !currency.matches("[A-Za-z]{3}")) {
                errors.add(new FieldError("currency", "is an ISO 4217 code such as EUR"));
            }
            if (value != null && currency == null) {
                errors.add(new FieldError("currency", "is required with a value"));
            }
        }
        if (!errors.isEmpty() || at == null) {
            return new Line(index, null, List.copyOf(errors));
        }
        Map<String, String> utm = new LinkedHashMap<>();
        for (String key : UTM) {
            String text = JsonObjectLines.text(known, key);
            if (text != null) {
                utm.put(key, text);
            }
        }
        return new Line(
                index,
                new IncomingEvent(
                        kind,
                        at,
                        JsonObjectLines.text(known, "channel"),
                        ids.get("campaign"),
                        ids.get("podcast"),
                        ids.get("episode"),
                        ids.get("sponsor"),
                        visitor,
                        ip,
                        action,
                        value,
                        currency == null ? null : currency.toUpperCase(Locale.ROOT),
                        JsonObjectLines.text(known, "order_id"),
                        JsonObjectLines.text(known, "discount_code"),
                        JsonObjectLines.text(known, "referrer"),
                        utm,
                        JsonObjectLines.text(known, "user_agent"),
                        metadata),
                List.of());
    }

    private static void metadata(
            String key, @Nullable Object value, Map<String, Object> metadata, List<FieldError> errors) {
        if (key.length() > 100 || !JsonObjectLines.storable(key)) {
            errors.add(new FieldError(key.length() > 100 ? key.substring(0, 100) : "", "is not a usable key"));
        } else if (value == JsonObjectLines.NESTED) {
            errors.add(new FieldError(key, "is a text, a number or a boolean (metadata is flat)"));
        } else if (value instanceof String text && (text.length() > 1000 || !JsonObjectLines.storable(text))) {
            errors.add(new FieldError(key, "is at most 1,000 storable characters"));
        } else if (value instanceof Double number && !Double.isFinite(number)) {
            errors.add(new FieldError(key, "is a finite number"));
        } else if (value != null) {
            metadata.put(key, value);
        }
    }

    private static @Nullable UUID uuid(String key, Object value, List<FieldError> errors) {
        if (value instanceof String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        errors.add(new FieldError(key, "is an id (UUID)"));
        return null;
    }

    private static @Nullable ConversionAction action(@Nullable String code, List<FieldError> errors) {
        for (ConversionAction action : ConversionAction.values()) {
            if (action.code().equals(code)) {
                return action;
            }
        }
        errors.add(new FieldError("action", "is required: view, signup, lead, purchase or custom"));
        return null;
    }

    private static @Nullable BigDecimal value(@Nullable Object value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            BigDecimal amount = new BigDecimal(number.toString());
            if (amount.signum() >= 0
                    && amount.compareTo(new BigDecimal("999999999999.99")) <= 0
                    && amount.scale() <= 2) {
                return amount;
            }
        }
        errors.add(new FieldError("value", "is an amount from 0 to 999,999,999,999.99 with at most two decimals"));
        return null;
    }

    private static Map<String, Integer> common() {
        Map<String, Integer> texts = new HashMap<>();
        texts.put("visitor", 200);
        texts.put("ip", 64);
        texts.put("user_agent", 1024);
        texts.put("referrer", 2048);
        UTM.forEach(key -> texts.put(key, 500));
        return Map.copyOf(texts);
    }
}

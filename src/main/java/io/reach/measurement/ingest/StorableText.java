package io.reach.measurement.ingest;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What PostgreSQL can store as text and {@code jsonb}: no NUL character (neither text nor a jsonb
 * string can hold it) and no unpaired surrogate (not Unicode, so not UTF-8). Checked
 * per event, so one such value refuses its own event and never its batch.
 */
public final class StorableText {

    static final String REFUSAL = "contains a character that cannot be stored (NUL or an unpaired surrogate)";
    static final String REFUSAL_IN_JSON =
            "holds a key or string with a character that cannot be stored (NUL or an unpaired surrogate), "
                    + "or a number that is not finite";

    private StorableText() {}

    static boolean storable(String text) {
        return io.reach.platform.web.JsonObjectLines.storable(text);
    }

    /**
     * A value from a request header, as a column of at most {@code limit} characters can take it:
     * cut to the limit (never inside a surrogate pair), or null when it cannot be stored at all.
     */
    public static @Nullable String bounded(@Nullable String value, int limit) {
        return io.reach.platform.web.JsonObjectLines.bounded(value, limit);
    }

    /** The path of the first key, string or number in {@code node} that cannot be stored, if any. */
    static Optional<String> firstRefusedIn(JsonNode node, String path) {
        if (node.isString()) {
            return storable(node.asString()) ? Optional.empty() : Optional.of(path);
        }
        if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
            return Optional.of(path);
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                String child = path + "." + field.getKey();
                if (!storable(field.getKey())) {
                    return Optional.of(path);
                }
                Optional<String> refused = firstRefusedIn(field.getValue(), child);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> refused = firstRefusedIn(node.get(i), path + "[" + i + "]");
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        return Optional.empty();
    }
}

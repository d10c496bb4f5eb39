package io.reach.platform.connections;

import java.util.Map;
import java.util.Optional;

/** A connection's settings as they apply now, and where they come from. */
public record EffectiveConnection(ConnectionKind kind, ConnectionSource source, Map<String, String> values) {

    public EffectiveConnection {
        values = Map.copyOf(values);
    }

    public boolean configured() {
        return source != ConnectionSource.NONE;
    }

    /** A field's value, absent when unset or blank. */
    public Optional<String> value(String field) {
        return Optional.ofNullable(values.get(field)).filter(value -> !value.isBlank());
    }
}

package io.reach.attribution.events;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** Whether an event is a touch (an exposure or a click) or a conversion. */
@CheckSet(table = "attribution.events", column = "attribution_type")
public enum EventKind {
    TOUCH("touch"),
    CONVERSION("conversion");

    private final String code;

    EventKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

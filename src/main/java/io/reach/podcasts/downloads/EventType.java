package io.reach.podcasts.downloads;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** How a download request reached Reach. */
@CheckSet(table = "podcasts.listener_events", column = "event_type")
enum EventType {
    /** A line of a download log sent to the API. */
    API("api"),
    /** A line of a log file imported. */
    LOG("log"),
    /** A request to the prefix redirect, which never sees the bytes served. */
    PREFIX("prefix");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    @JsonValue
    String code() {
        return code;
    }
}

package io.reach.podcasts.sponsorship;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** What an insertion order promises to deliver. */
@CheckSet(table = "podcasts.io_bookings", column = "goal_type")
public enum GoalType {
    IMPRESSIONS("impressions"),
    DOWNLOADS("downloads");

    private final String code;

    GoalType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

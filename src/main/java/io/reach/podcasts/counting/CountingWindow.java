package io.reach.podcasts.counting;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/**
 * How repeated requests of one listener for one episode are told apart (IAB v2.3 §5.5.1; v2.2 asks
 * the choice to be disclosed): one download per UTC calendar day, or per rolling 24 hours opened by
 * the counting request (first touch), or per run of requests less than 24 hours apart (last touch).
 */
@CheckSet(table = "podcasts.measurement_settings", column = "counting_window")
public enum CountingWindow {
    UTC_DAY("utc_day"),
    ROLLING_FIRST_TOUCH("rolling_first_touch"),
    ROLLING_LAST_TOUCH("rolling_last_touch");

    private final String code;

    CountingWindow(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

package io.reach.podcasts.sponsorship;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** Where an insertion order stands. */
@CheckSet(table = "podcasts.io_bookings", column = "status")
public enum BookingStatus {
    DRAFT("draft"),
    BOOKED("booked"),
    LIVE("live"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String code;

    BookingStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

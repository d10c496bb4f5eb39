package io.reach.podcasts.sponsorship;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** How an insertion order is priced: per thousand, or one price. */
@CheckSet(table = "podcasts.io_bookings", column = "pricing")
public enum Pricing {
    CPM("cpm"),
    FLAT("flat");

    private final String code;

    Pricing(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

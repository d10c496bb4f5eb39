package io.reach.attribution.events;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** How an event came to Reach. */
@CheckSet(table = "attribution.events", column = "source")
public enum EventSource {
    API("api"),
    PIXEL("pixel"),
    AD_DELIVERED("ad_delivered"),
    VANITY_CLICK("vanity_click"),
    PROMO_CODE("promo_code"),
    EMAIL_CLICK("email_click"),
    SOCIAL_LINK("social_link");

    private final String code;

    EventSource(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

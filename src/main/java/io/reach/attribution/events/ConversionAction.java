package io.reach.attribution.events;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** What a conversion was. */
@CheckSet(table = "attribution.events", column = "action")
public enum ConversionAction {
    VIEW("view"),
    SIGNUP("signup"),
    LEAD("lead"),
    PURCHASE("purchase"),
    CUSTOM("custom");

    private final String code;

    ConversionAction(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

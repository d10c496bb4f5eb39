package io.reach.attribution.events;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** How a conversion was judged as it came in. */
@CheckSet(table = "attribution.validations", column = "outcome")
public enum ValidationOutcome {
    VALID("valid"),
    SUSPECT("suspect"),
    REJECTED("rejected");

    private final String code;

    ValidationOutcome(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

package io.reach.attribution.models;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** The kinds of attribution model Reach computes. */
@CheckSet(table = "attribution.models", column = "model_type")
public enum ModelKind {
    FIRST_TOUCH("first_touch"),
    LAST_TOUCH("last_touch"),
    LINEAR("linear"),
    POSITION_BASED("position_based"),
    TIME_DECAY("time_decay"),
    MARKOV("markov"),
    SHAPLEY("shapley");

    private final String code;

    ModelKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}

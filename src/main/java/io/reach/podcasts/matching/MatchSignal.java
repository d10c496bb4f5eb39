package io.reach.podcasts.matching;

import com.fasterxml.jackson.annotation.JsonValue;

/** The signals a match weighs, with their weights (they sum to 1; docs/sponsor-matching.md explains each). */
public enum MatchSignal {
    TOPICAL_FIT("topical_fit", 0.40),
    CATEGORY_FIT("category_fit", 0.15),
    AUDIENCE_FIT("audience_fit", 0.20),
    BRAND_SAFETY("brand_safety", 0.15),
    BUDGET_FIT("budget_fit", 0.10);

    private final String code;
    private final double weight;

    MatchSignal(String code, double weight) {
        this.code = code;
        this.weight = weight;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public double weight() {
        return weight;
    }
}

package io.reach.attribution.models;

import java.time.Instant;

/** One touch of a journey: the touch point credited (a channel, campaign, episode…) and when it happened. */
public record Touch(String point, Instant at) {

    public Touch {
        if (point.isBlank()) {
            throw new IllegalArgumentException("A touch names its touch point");
        }
    }
}

package io.reach.publishing;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import io.reach.social.PlatformError;

/** What one publish attempt came to, as {@code publish_attempts} keeps it. */
@CheckSet(table = "publishing.publish_attempts", column = "outcome")
enum PublishOutcome {
    /** Sent now. */
    PUBLISHED,
    /** Already on the platform from an earlier attempt whose answer was lost; not sent again. */
    FOUND,
    RETRYABLE,
    TERMINAL,
    UNKNOWN,
    /** Too late to send. */
    MISSED;

    static PublishOutcome of(PlatformError.Kind kind) {
        return switch (kind) {
            case RETRYABLE -> RETRYABLE;
            case TERMINAL -> TERMINAL;
            case UNKNOWN -> UNKNOWN;
        };
    }

    @JsonValue
    String code() {
        return name().toLowerCase();
    }
}

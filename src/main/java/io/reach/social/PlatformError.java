package io.reach.social;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A platform call that did not succeed, classified for whoever retries it: {@code RETRYABLE}
 * (rate limit, server error, network, media still processing), {@code TERMINAL} (authorisation,
 * validation, duplicate content) or {@code UNKNOWN} (sent but unanswered, e.g. a timeout: the
 * platform may have acted).
 */
public class PlatformError extends RuntimeException {

    public enum Kind { RETRYABLE, TERMINAL, UNKNOWN }

    private final Kind kind;
    private final @Nullable Integer httpStatus;
    private final @Nullable Duration retryAfter;

    public PlatformError(Kind kind, @Nullable Integer httpStatus, @Nullable Duration retryAfter, String message) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable Integer httpStatus() {
        return httpStatus;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}

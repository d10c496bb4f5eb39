package io.reach.social;

import io.reach.platform.CheckSet;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A platform call that did not succeed, classified for whoever retries it: {@code RETRYABLE}
 * (rate limit, server error, network, media still processing), {@code TERMINAL} (authorisation,
 * validation, duplicate content) or {@code UNKNOWN} (sent but unanswered, e.g. a timeout: the
 * platform may have acted).
 */
public class PlatformError extends RuntimeException {

    @CheckSet(table = "publishing.publish_jobs", column = "last_error_kind")
    public enum Kind {
        RETRYABLE,
        TERMINAL,
        UNKNOWN
    }

    private final Kind kind;
    private final @Nullable Integer httpStatus;
    private final @Nullable Duration retryAfter;
    private final boolean tokenRejected;
    private final String reason;

    public PlatformError(Kind kind, @Nullable Integer httpStatus, @Nullable Duration retryAfter, String message) {
        this(kind, httpStatus, retryAfter, message, Integer.valueOf(401).equals(httpStatus));
    }

    private PlatformError(
            Kind kind,
            @Nullable Integer httpStatus,
            @Nullable Duration retryAfter,
            String message,
            boolean tokenRejected) {
        super(message);
        this.reason = message;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.tokenRejected = tokenRejected;
    }

    /**
     * The platform refused the access token (expired, revoked), whatever HTTP status it used for
     * that (Meta answers 400 with error code 190): the caller refreshes the token once and retries.
     */
    public static PlatformError tokenRejected(int httpStatus, String message) {
        return new PlatformError(Kind.TERMINAL, httpStatus, null, message, true);
    }

    /** Whether the platform refused the access token (a 401, or the platform's own way of saying so). */
    public boolean isTokenRejected() {
        return tokenRejected;
    }

    /** The reason it was made with; never null. */
    @Override
    public String getMessage() {
        return reason;
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

package io.reach.platform.web;

import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Thrown while reading a request body past the configured limit; answered with a 413 problem. */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public ProblemDetail problem() {
        return problem(limit);
    }

    static ProblemDetail problem(long limit) {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "Payload too large",
                "The request body exceeds the limit of " + limit + " bytes");
    }

    /** The same refusal for code that reads a body itself and must not swallow it as unreadable input. */
    public ApiException refusal() {
        return new ApiException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Payload too large",
                "The request body exceeds the limit of " + limit + " bytes") {};
    }

    /** This exception, if it is somewhere in the cause chain of {@code error}. */
    public static Optional<BodyTooLargeException> in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}

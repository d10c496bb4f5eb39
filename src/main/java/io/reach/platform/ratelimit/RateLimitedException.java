package io.reach.platform.ratelimit;

import io.reach.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** Too many requests; the client may retry after {@link #retryAfterSeconds()}. */
public class RateLimitedException extends ApiException {

    public RateLimitedException(long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                "Slow down; retry in " + retryAfterSeconds + " seconds",
                retryAfterSeconds);
    }
}

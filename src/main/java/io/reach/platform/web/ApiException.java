package io.reach.platform.web;

import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A failure a client caused and can act on; answered as an RFC 9457 problem with this status.
 * Modules subclass it with business names ({@code TenantNotFound.forId(id)}).
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final long retryAfterSeconds;

    protected ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, 0);
    }

    /** A failure the client may retry after {@code retryAfterSeconds} (sent as {@code Retry-After} when positive). */
    protected ApiException(HttpStatus status, String title, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The detail the exception was made with; never null. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "every constructor takes a detail");
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Extension members of the problem (RFC 9457 section 3.2), such as the quota a request would exceed. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}

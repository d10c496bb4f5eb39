package io.reach.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A failure a client caused and can act on; answered as an RFC 9457 problem with this status.
 * Modules subclass it with business names ({@code TenantNotFound.forId(id)}).
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    protected ApiException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}

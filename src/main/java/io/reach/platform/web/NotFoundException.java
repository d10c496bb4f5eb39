package io.reach.platform.web;

import org.springframework.http.HttpStatus;

/** The named resource does not exist, or belongs to another tenant (which callers cannot tell apart). */
public class NotFoundException extends ApiException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, what + " not found", "No " + what.toLowerCase() + " with id " + id);
    }
}

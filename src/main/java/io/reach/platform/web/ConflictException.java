package io.reach.platform.web;

import org.springframework.http.HttpStatus;

/** The request is valid but clashes with the current state (a taken slug, an illegal transition). */
public class ConflictException extends ApiException {

    public ConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT, title, detail);
    }
}

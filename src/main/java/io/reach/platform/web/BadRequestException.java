package io.reach.platform.web;

import org.springframework.http.HttpStatus;

/** A request parameter or header that cannot be understood (a bad cursor, an over-long key). */
public class BadRequestException extends ApiException {

    public BadRequestException(String title, String detail) {
        super(HttpStatus.BAD_REQUEST, title, detail);
    }
}

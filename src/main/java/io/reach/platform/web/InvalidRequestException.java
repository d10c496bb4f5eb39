package io.reach.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Field errors found by code rather than by Bean Validation; answered like any validation problem. */
public class InvalidRequestException extends ApiException {

    private final List<FieldError> errors;

    public InvalidRequestException(FieldError... errors) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields");
        this.errors = List.of(errors);
    }

    /** Field errors under a detail that says what kind of input was wrong. */
    public InvalidRequestException(String detail, List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package io.reach.campaigns;

import io.reach.platform.web.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The console's campaign and template forms show the API's own field errors next to their fields:
 * the request records' checks (bean validation) and the services' refusals, by the wire's field names.
 */
public final class FormErrors {

    private FormErrors() {}

    /** What the API's checks say about {@code request}, by snake_case field name; empty when it passes. */
    public static <T> Map<String, String> checked(Validator validator, T request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            errors.putIfAbsent(snakeCase(violation.getPropertyPath().toString()), violation.getMessage());
        }
        return errors;
    }

    /** Adds the service's field errors, each under the form field {@code fieldOf} names for it. */
    public static void add(Map<String, String> errors, InvalidRequestException refused, UnaryOperator<String> fieldOf) {
        refused.errors()
                .forEach(error -> errors.merge(
                        fieldOf.apply(error.field()), error.message(), (first, next) -> first + "; " + next));
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}

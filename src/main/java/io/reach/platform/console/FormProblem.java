package io.reach.platform.console;

import io.reach.platform.web.ApiException;
import io.reach.platform.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;

/**
 * A refusal from a service, as a console form shows it above the form it came from: one sentence
 * (each field error as "field: message"), and the refusal's status set on the response so the page
 * answers as the API would (400, 404, 409).
 */
public record FormProblem(int status, String message) {

    public static FormProblem of(ApiException refused) {
        String message = refused instanceof InvalidRequestException invalid
                        && !invalid.errors().isEmpty()
                ? invalid.errors().stream()
                        .map(error -> error.field().replace('_', ' ') + ": " + error.message())
                        .collect(Collectors.joining("; ", "", "."))
                : refused.getMessage();
        return new FormProblem(refused.status().value(), message);
    }

    /** The refusal's message, with its status set on the response. */
    public static String answer(ApiException refused, HttpServletResponse response) {
        FormProblem problem = of(refused);
        response.setStatus(problem.status());
        return problem.message();
    }
}

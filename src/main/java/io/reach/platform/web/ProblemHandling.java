package io.reach.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem: Spring's own
 * (unknown route, wrong method, wrong content type, unreadable body) with Spring's status,
 * validation failures with each field listed, {@link ApiException}s with their status, and
 * anything unexpected as a 500 that is logged and reveals nothing.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException e) {
        if (e instanceof InvalidRequestException invalid) {
            return respond(Problems.invalid(invalid.getMessage(), invalid.errors()));
        }
        ProblemDetail problem = Problems.of(e.status(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        if (e.retryAfterSeconds() > 0) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            return respond(problem, headers);
        }
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String type =
                e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return respond(Problems.invalid(
                "The request has a malformed parameter",
                List.of(new FieldError(e.getName(), "must be a valid " + type))));
    }

    /** Data the database refused: a constraint a request broke, or text PostgreSQL cannot store (NUL). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleDataIntegrity(DataIntegrityViolationException e) {
        String state = e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
                ? sql.getSQLState()
                : "";
        if (state.equals("23505") || state.equals("23P01")) {
            return respond(
                    Problems.of(HttpStatus.CONFLICT, "Conflict", "The request clashes with data already stored"));
        }
        log.info("Request refused by a database constraint (SQL state {})", state);
        return respond(
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "Invalid data",
                        "The request holds a value that cannot be stored (for example a control character or an out-of-range value)"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleConcurrentChange(OptimisticLockingFailureException e) {
        return respond(Problems.of(
                HttpStatus.CONFLICT,
                "Concurrent change",
                "Someone else changed this resource at the same time; fetch it again and retry"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e) {
        return respond(Problems.forbidden(e.getMessage()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException e) {
        return respond(
                Problems.of(HttpStatus.UNAUTHORIZED, "Authentication required", "Send Authorization: Bearer <token>"));
    }

    /** A parameter the container could not decode or the firewall refused (in a form body, say). */
    @ExceptionHandler({InvalidParameterException.class, RequestRejectedException.class})
    ResponseEntity<ProblemDetail> handleUndecodableParameter(RuntimeException e) {
        return respond(MalformedRequests.problem());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation ->
                        new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(Problems.invalid("The request has invalid values", errors));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleMalformedMultipart(MultipartException e) {
        return respond(Problems.of(
                HttpStatus.BAD_REQUEST, "Malformed multipart body", "The multipart request body could not be read"));
    }

    /** The database is unreachable or too busy: the request may succeed later, nothing was changed. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> handleDatabaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return respond(
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Try again shortly",
                        "The database is not available at the moment; nothing was changed"),
                headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Unhandled error (request {})", MDC.get(RequestIdFilter.MDC_KEY), e);
        return respond(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on our side; quote the request id when reporting it"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(
                respond(Problems.invalid("The request body has invalid fields", fieldErrors(e.getBindingResult()))));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(nameOf(result.getMethodParameter()), message(error))))
                .toList();
        return cast(respond(Problems.invalid("The request has invalid parameters", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(respond(Problems.unknownPath()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = BodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return cast(respond(tooLarge.get().problem()));
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return cast(respond(Problems.invalid(
                    "The request body has unknown fields",
                    List.of(new FieldError(
                            path(unknown),
                            "is not a field of this request"
                                    + (unknown.getKnownPropertyIds() == null
                                                    || unknown.getKnownPropertyIds()
                                                            .isEmpty()
                                            ? ""
                                            : "; known fields: "
                                                    + unknown.getKnownPropertyIds().stream()
                                                            .map(String::valueOf)
                                                            .sorted()
                                                            .collect(Collectors.joining(", "))))))));
        }
        if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            return cast(respond(Problems.invalid(
                    "The request body has a value of the wrong type",
                    List.of(new FieldError(path(json), "has the wrong type or format")))));
        }
        return cast(respond(Problems.of(
                HttpStatus.BAD_REQUEST,
                "Malformed request body",
                "The request body is missing or is not well-formed JSON")));
    }

    /** A parameter's name (classes are compiled with {@code -parameters}; empty if one were not). */
    private static String nameOf(MethodParameter parameter) {
        String name = parameter.getParameterName();
        return name == null ? "" : name;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            return cast(respond(
                    Problems.of(
                            status,
                            problem.getTitle() == null ? "Error" : problem.getTitle(),
                            problem.getDetail() == null ? "" : problem.getDetail()),
                    headers));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new java.util.ArrayList<>();
        result.getFieldErrors()
                .forEach(error -> errors.add(new FieldError(snakeCase(error.getField()), message(error))));
        result.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(), message(error))));
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return snakeCase(dot < 0 ? propertyPath : propertyPath.substring(dot + 1));
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** Bean property paths ({@code whiteLabel.primaryColor}) spelled the way clients sent them. */
    static String snakeCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return respond(problem, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> cast(ResponseEntity<?> response) {
        return (ResponseEntity<Object>) response;
    }
}

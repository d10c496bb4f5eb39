package io.reach.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: errors raised outside Spring MVC (in filters, or by the
 * container itself) are answered as problems too, never as an HTML page. Asked for directly,
 * with no error to report, it is a path like any unknown one: 404.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem = error instanceof Throwable throwable
                        && BodyTooLargeException.in(throwable).isPresent()
                ? BodyTooLargeException.in(throwable).get().problem()
                : error instanceof Throwable throwable && MalformedRequests.causedBy(throwable)
                        ? MalformedRequests.problem()
                        : status(request) == HttpStatus.NOT_FOUND
                                ? Problems.unknownPath()
                                : Problems.of(status(request), status(request).getReasonPhrase(), detail(request));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detail(HttpServletRequest request) {
        return status(request).is5xxServerError()
                ? "Something went wrong on our side; quote the request id when reporting it"
                : "The request could not be processed";
    }
}

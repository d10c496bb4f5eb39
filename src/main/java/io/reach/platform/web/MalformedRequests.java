package io.reach.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests that are malformed before any controller sees them: parameters the container cannot
 * decode, names or values the security firewall refuses (control characters), form bodies that
 * do not decode. Whether they surface in a filter or in Spring MVC, they are the client's fault:
 * a 400 problem, never a 500.
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequests {

    static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException
                    || cause instanceof RequestRejectedException
                    || cause instanceof HttpMessageNotReadableException) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem() {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "Malformed request",
                "The request's parameters or body could not be read (malformed encoding or characters that are not allowed)");
    }

    /** The security firewall's refusals, written as problems instead of escaping to the container. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ProblemWriter problems) {
        return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) -> {
            try {
                problems.write(response, problem());
            } catch (IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
        };
    }
}

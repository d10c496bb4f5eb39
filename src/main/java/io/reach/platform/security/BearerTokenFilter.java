package io.reach.platform.security;

import io.reach.platform.web.ProblemWriter;
import io.reach.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and asks each {@link BearerTokenAuthenticator} in
 * turn. A token nobody accepts is answered with 401 at once; no header leaves the request
 * anonymous, for the authorization rules to decide.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final List<BearerTokenAuthenticator> authenticators;
    private final ProblemWriter problems;

    BearerTokenFilter(List<BearerTokenAuthenticator> authenticators, ProblemWriter problems) {
        this.authenticators = authenticators;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> authentication;
        try {
            authentication = authenticate(header.substring(BEARER.length()).strip());
        } catch (CredentialsExpiredException e) {
            // a genuine token past its time: say so, so the client refreshes instead of signing in from scratch
            response.setHeader(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"invalid_token\", error_description=\"The access token expired\"");
            String detail = e.getMessage();
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "Expired credentials",
                            detail == null ? "The access token expired" : detail));
            return;
        }
        if (authentication.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED, "Invalid credentials", "The bearer token is unknown or revoked"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<Authentication> authenticate(String token) {
        if (token.isEmpty() || token.length() > 4096) {
            return Optional.empty();
        }
        return authenticators.stream()
                .flatMap(a -> a.authenticate(token).stream())
                .findFirst();
    }
}

package io.reach.platform.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.reach.platform.security.TokenHashes;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.BodyTooLargeException;
import io.reach.platform.web.ProblemWriter;
import io.reach.platform.web.Problems;

/**
 * {@code Idempotency-Key} on POSTs under {@code /api/}: the first request with a key runs and its
 * response (unless a 5xx) is stored for the tenant; a retry with the same key and the same
 * request gets that response again (with {@code Idempotency-Replayed: true}) for 24 hours. The
 * same key with a different request, or while the first is still running, is a 409.
 * Runs after Spring Security, so the tenant is known.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String[] REPLAYED_HEADERS = {HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION};

    private final IdempotencyRecords records;
    private final ProblemWriter problems;

    IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems) {
        this.records = records;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null || TenantContext.current().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "Invalid idempotency key",
                    HEADER + " must be 1 to 255 visible ASCII characters"));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLargeException e) {
            problems.write(response, e.problem());
            return;
        }
        String fingerprint = fingerprint(request, body);
        if (records.claim(key, fingerprint)) {
            runAndStore(new CachedBodyRequest(request, body), response, chain, key, fingerprint);
        } else {
            answerFromRecord(response, key, fingerprint, records.find(key));
        }
    }

    private void runAndStore(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key,
            String fingerprint) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() < 500) {
                records.complete(key, fingerprint, new StoredResponse(recorded.getStatus(), headersOf(recorded),
                        recorded.getContentAsByteArray()));
                stored = true;
            }
        } finally {
            if (!stored) {
                records.release(key, fingerprint);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerFromRecord(HttpServletResponse response, String key, String fingerprint,
            Optional<IdempotencyRecord> found) throws IOException {
        if (found.isEmpty()) {
            problems.write(response, Problems.of(HttpStatus.CONFLICT, "Idempotent request in progress",
                    "A request with this " + HEADER + " was just released; retry it"));
            return;
        }
        IdempotencyRecord existing = found.get();
        if (!existing.fingerprint().equals(fingerprint)) {
            problems.write(response, Problems.of(HttpStatus.CONFLICT, "Idempotency key reused",
                    "This " + HEADER + " was already used with a different request (" + key + ")"));
        } else if (!existing.completed() || existing.response() == null) {
            problems.write(response, Problems.of(HttpStatus.CONFLICT, "Idempotent request in progress",
                    "The first request with this " + HEADER + " has not finished yet; retry later"));
        } else {
            replay(response, existing.response());
        }
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        response.getOutputStream().write(stored.body());
    }

    private static Map<String, String> headersOf(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** Method, path, query and body: the same key must come with the same request. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        String target = request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
        return TokenHashes.sha256(target + new String(body, StandardCharsets.ISO_8859_1));
    }
}

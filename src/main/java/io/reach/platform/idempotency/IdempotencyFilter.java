package io.reach.platform.idempotency;

import io.reach.platform.security.TokenHashes;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.BodyTooLargeException;
import io.reach.platform.web.ProblemWriter;
import io.reach.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POSTs under {@code /api/}: the first request with a key runs and its
 * response (unless a 5xx) is stored for the tenant; a retry with the same key and the same
 * request gets that response again (with {@code Idempotency-Replayed: true}) for 24 hours. The
 * same key with a different request, or while the first is still running, is a 409. Keys are
 * per principal: two users of one tenant never see each other's responses.
 * Runs after Spring Security, so the tenant is known.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Set<String> NOT_REPLAYED = Set.of(
            "date",
            "x-request-id",
            "set-cookie",
            "connection",
            "keep-alive",
            "transfer-encoding",
            "content-length",
            "content-type",
            "vary",
            "ratelimit",
            "ratelimit-policy");

    private final IdempotencyRecords records;
    private final ProblemWriter problems;

    IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems) {
        this.records = records;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null
                || TenantContext.current().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(header).matches()) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "Invalid idempotency key",
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
        IdempotencyKey key = new IdempotencyKey(principalOf(request), header);
        String fingerprint = fingerprint(request, body);
        if (records.claim(key, fingerprint)) {
            runAndStore(new CachedBodyRequest(request, body), response, chain, key, fingerprint);
        } else {
            answerFromRecord(response, records.find(key), fingerprint);
        }
    }

    /**
     * Runs the request and keeps its response. The key is freed only when the request itself
     * failed; if storing the response fails, the claim stays until its lease runs out, so a
     * retry cannot run the request a second time.
     */
    private void runAndStore(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            IdempotencyKey key,
            String fingerprint)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (ServletException | IOException | RuntimeException e) {
            records.release(key, fingerprint);
            throw e;
        }
        if (request.isAsyncStarted()
                || !worthKeeping(recorded.getStatus())
                || request.getAttribute(Idempotency.NOT_STORABLE) != null) {
            records.release(key, fingerprint);
        } else {
            records.complete(
                    key,
                    fingerprint,
                    new StoredResponse(recorded.getStatus(), headersOf(recorded), recorded.getContentAsByteArray()));
        }
        recorded.copyBodyToResponse();
    }

    /** Server errors and "try again later" answers are not the outcome of the request; a retry should run it. */
    private static boolean worthKeeping(int status) {
        return status < 500 && status != 408 && status != 425 && status != 429;
    }

    private void answerFromRecord(HttpServletResponse response, Optional<IdempotencyRecord> found, String fingerprint)
            throws IOException {
        if (found.isEmpty()) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.CONFLICT,
                            "Idempotent request in progress",
                            "A request with this " + HEADER + " was just released; retry it"));
            return;
        }
        IdempotencyRecord existing = found.get();
        if (!existing.fingerprint().equals(fingerprint)) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.CONFLICT,
                            "Idempotency key reused",
                            "This " + HEADER + " was already used with a different request"));
        } else if (!existing.completed() || existing.response() == null) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.CONFLICT,
                            "Idempotent request in progress",
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

    /** The response's own headers, less those that belong to one exchange only. */
    private static Map<String, String> headersOf(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, String.join(", ", response.getHeaders(name)));
            }
        }
        String contentType = response.getContentType();
        if (contentType != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return headers;
    }

    private static String principalOf(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    /** Method, path, query and body: the same key must come with the same request. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        String target = request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
        return TokenHashes.sha256(target + new String(body, StandardCharsets.ISO_8859_1));
    }
}

package io.reach.measurement.ingest;

import io.reach.platform.ratelimit.RateLimits;
import io.reach.platform.ratelimit.RateLimits.Limit;
import io.reach.platform.web.ProblemWriter;
import io.reach.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The public site keys' own rate limits ({@code reach.measurement.site-key-rate.*}): event
 * batches a minute per visitor address (the sender behind trusted proxies, whichever keys it
 * uses, since site keys are public) and per site key. The address is counted first, so one
 * noisy visitor cannot spend the whole site's budget.
 * Answers carry {@code RateLimit-Policy} and {@code RateLimit}; a refusal is a 429 problem with
 * {@code Retry-After}. Counted per node, like every {@link RateLimits} limit.
 */
@Component
class SiteKeyRates {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimits limits;
    private final Senders senders;
    private final ProblemWriter problems;
    private final Limit perAddress;
    private final Limit perKey;

    SiteKeyRates(
            RateLimits limits,
            Senders senders,
            ProblemWriter problems,
            @Value("${reach.measurement.site-key-rate.per-ip-per-minute:300}") int perAddress,
            @Value("${reach.measurement.site-key-rate.per-key-per-minute:6000}") int perKey) {
        this.limits = limits;
        this.senders = senders;
        this.problems = problems;
        this.perAddress = new Limit("address", perAddress, MINUTE);
        this.perKey = new Limit("site-key", perKey, MINUTE);
    }

    /** Counts the request; false, with the 429 written, once its address or its key has spent the minute's limit. */
    boolean admit(HttpServletRequest request, HttpServletResponse response, UUID siteKey) throws IOException {
        String address = String.valueOf(senders.of(request).address());
        RateLimits.Window visitor = limits.take(address, perAddress);
        RateLimits.Window site =
                visitor.allowed() ? limits.take(siteKey.toString(), perKey) : limits.peek(siteKey.toString(), perKey);
        response.setHeader(
                "RateLimit-Policy",
                Stream.of(visitor, site).map(RateLimits.Window::policyItem).collect(Collectors.joining(", ")));
        response.setHeader(
                "RateLimit",
                Stream.of(visitor, site).map(RateLimits.Window::limitItem).collect(Collectors.joining(", ")));
        RateLimits.Window refused = !visitor.allowed() ? visitor : !site.allowed() ? site : null;
        if (refused == null) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                (refused == visitor ? "This visitor" : "This site key") + " may send " + refused.quota()
                        + " event batches a minute; retry in " + refused.retryAfterSeconds() + " seconds");
        problem.setProperty("policy", refused.policy());
        problem.setProperty("limit", refused.quota());
        problem.setProperty("window_seconds", refused.windowSeconds());
        problems.write(response, problem);
        return false;
    }
}

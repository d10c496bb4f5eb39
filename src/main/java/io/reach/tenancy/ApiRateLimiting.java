package io.reach.tenancy;

import io.reach.platform.ratelimit.RateLimits;
import io.reach.platform.security.ApiKeyCredential;
import io.reach.platform.security.LimitedPrincipal;
import io.reach.platform.tenant.TenantScoped;
import io.reach.platform.web.ProblemWriter;
import io.reach.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API requests a minute per tenant and per API key, counted after authentication (so the tenant
 * and key are known) and before anything else runs. Every response to a limited caller carries
 * {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers); a
 * refusal is a 429 problem with {@code Retry-After}. The platform admin, public site keys (which
 * have their own limits) and anonymous callers (webhooks, tracking links, sign-in, which have
 * theirs) are not counted here.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class ApiRateLimiting extends OncePerRequestFilter {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String LIMIT_HEADER = "RateLimit";

    private final TenantRequestRates rates;
    private final ProblemWriter problems;

    ApiRateLimiting(TenantRequestRates rates, ProblemWriter problems) {
        this.rates = rates;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !rates.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (!(principal instanceof TenantScoped scoped)
                || scoped.tenantId().isPlatform()
                || principal instanceof LimitedPrincipal) {
            chain.doFilter(request, response);
            return;
        }
        List<RateLimits.Window> windows = new ArrayList<>();
        if (principal instanceof ApiKeyCredential key) {
            windows.add(rates.takeForKey(key.keyId()));
        }
        // A key that spent its own limit does not spend its tenant's too (other keys and users go on)
        boolean keyRefused = !windows.isEmpty() && !windows.getFirst().allowed();
        windows.add(keyRefused ? rates.peekForTenant(scoped.tenantId()) : rates.takeForTenant(scoped.tenantId()));
        response.setHeader(
                POLICY_HEADER,
                windows.stream().map(RateLimits.Window::policyItem).collect(Collectors.joining(", ")));
        response.setHeader(
                LIMIT_HEADER, windows.stream().map(RateLimits.Window::limitItem).collect(Collectors.joining(", ")));
        RateLimits.Window refused =
                windows.stream().filter(window -> !window.allowed()).findFirst().orElse(null);
        if (refused == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        problems.write(response, problem(refused));
    }

    private static ProblemDetail problem(RateLimits.Window refused) {
        boolean tenant = refused.policy().equals(TenantRequestRates.TENANT_POLICY);
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                (tenant ? "This workspace" : "This API key") + " may make " + refused.quota()
                        + " API requests a minute;" + " retry in " + refused.retryAfterSeconds() + " seconds");
        if (tenant) {
            problem.setProperty("quota", Quota.API_REQUESTS_PER_MINUTE.column());
        }
        problem.setProperty("policy", refused.policy());
        problem.setProperty("limit", refused.quota());
        problem.setProperty("window_seconds", refused.windowSeconds());
        return problem;
    }
}

package io.reach.measurement.ingest;

import io.reach.platform.security.LimitedPrincipal;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.ProblemWriter;
import io.reach.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets browsers send tracker events with a public site key ({@code ?site_key=} on the ingestion
 * path): the key must be active and its tenant too, and the request's {@code Origin} one the key
 * allows. CORS is answered for that origin alone (preflights included). The request then acts as
 * the key, which may write events of its tenant and do nothing else.
 */
@Component
class SiteKeyGate extends OncePerRequestFilter {

    static final String PATH = "/api/v1/ingest/trackers";

    /** A site key's grant: writing events, nothing else. */
    record SiteKeyPrincipal(TenantId tenantId, UUID siteKeyId, UUID siteId) implements LimitedPrincipal {

        @Override
        public boolean permits(String resource, String action) {
            return "ingest".equals(resource) && "write".equals(action);
        }
    }

    private final IngestSites sites;
    private final ProblemWriter problems;
    private final SiteKeyRates rates;

    SiteKeyGate(IngestSites sites, ProblemWriter problems, SiteKeyRates rates) {
        this.rates = rates;
        this.sites = sites;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI()) || siteKeyOf(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var found = sites.activeKey(siteKeyOf(request));
        if (found.isEmpty()) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "Invalid site key",
                            "The site key is unknown or revoked, or its workspace is suspended"));
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || !found.get().allowsOrigin().test(origin)) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.FORBIDDEN,
                            "Origin not allowed",
                            "This site key accepts events only from the origins it lists (the request's Origin: "
                                    + (origin == null ? "none" : origin) + ")"));
            return;
        }
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        if (!rates.admit(request, response, found.get().id())) {
            return;
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "Two credentials",
                            "Send either a site key or an Authorization header, not both"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(
                new SiteKeyPrincipal(
                        found.get().tenant(), found.get().id(), found.get().siteId()),
                null,
                AuthorityUtils.createAuthorityList("ROLE_SITE_KEY")));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The {@code site_key} of the query string (read from it, never from a form body). */
    private static @Nullable String siteKeyOf(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("site_key=")) {
                try {
                    return URLDecoder.decode(pair.substring("site_key=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return null;
    }
}

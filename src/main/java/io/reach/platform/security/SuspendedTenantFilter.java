package io.reach.platform.security;

import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantScoped;
import io.reach.platform.web.ProblemWriter;
import io.reach.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A suspended tenant's principals are refused with 403 until the platform admin reactivates the tenant. */
class SuspendedTenantFilter extends OncePerRequestFilter {

    private final TenantDirectory tenants;
    private final ProblemWriter problems;

    SuspendedTenantFilter(TenantDirectory tenants, ProblemWriter problems) {
        this.tenants = tenants;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof TenantScoped scoped
                && !scoped.tenantId().isPlatform()
                && !tenants.isActive(scoped.tenantId())) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.FORBIDDEN,
                            "Tenant suspended",
                            "This tenant is suspended; contact the platform administrator"));
            return;
        }
        chain.doFilter(request, response);
    }
}

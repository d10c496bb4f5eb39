package io.reach.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Asks {@link AccessDecisions} (or a {@link LimitedPrincipal} itself) before every handler that
 * declares {@link RequiresPermission}.
 */
class PermissionInterceptor implements HandlerInterceptor {

    private final AccessDecisions decisions;

    PermissionInterceptor(AccessDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiresPermission required = method.getMethodAnnotation(RequiresPermission.class);
        if (required == null) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String agent = request.getHeader("User-Agent");
        var context = new AccessDecisions.RequestContext(
                request.getMethod(),
                request.getRequestURI(),
                request.getRemoteAddr(),
                agent == null ? "" : agent,
                resourceId(request, required));
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException(
                    "Needs " + required.action() + " on " + required.resource());
        }
        String refusal = authentication.getPrincipal() instanceof LimitedPrincipal limited
                ? limited.permits(required.resource(), required.action())
                        ? null
                        : "These credentials do not grant the permission " + required.resource() + ":"
                                + required.action()
                : decisions.refusal(authentication, required.resource(), required.action(), context);
        if (refusal != null) {
            throw new AccessDeniedException(refusal);
        }
        return true;
    }

    private static @Nullable String resourceId(HttpServletRequest request, RequiresPermission required) {
        if (required.idVariable().isEmpty()
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                        instanceof Map<?, ?> variables)) {
            return null;
        }
        Object value = variables.get(required.idVariable());
        return value == null ? null : value.toString();
    }
}

package io.reach.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Asks {@link AccessDecisions} before every handler that declares {@link RequiresPermission}. */
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
        var context = new AccessDecisions.RequestContext(request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), agent == null ? "" : agent);
        if (authentication == null || !decisions.allows(authentication, required.resource(), required.action(), context)) {
            throw new AccessDeniedException("Needs " + required.action() + " on " + required.resource());
        }
        return true;
    }
}

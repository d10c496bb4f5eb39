package io.reach.identity;

import jakarta.servlet.http.HttpServletRequest;

import io.reach.audit.RequestOrigin;

/** The caller's address and user agent, as Tomcat reports them (configure forwarded headers behind a proxy). */
final class RequestOrigins {

    private RequestOrigins() {
    }

    static RequestOrigin of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return new RequestOrigin(request.getRemoteAddr(), agent == null ? null : agent.substring(0, Math.min(agent.length(), 512)));
    }
}

package io.reach.identity;

import io.reach.audit.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;

/** The caller's address (as {@link ClientAddressFilter} found it behind trusted proxies) and user agent. */
public final class RequestOrigins {

    private RequestOrigins() {}

    public static RequestOrigin of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        String address = request.getAttribute(ClientAddressFilter.ATTRIBUTE) instanceof String client
                ? client
                : request.getRemoteAddr();
        return new RequestOrigin(address, agent == null ? null : agent.substring(0, Math.min(agent.length(), 512)));
    }
}

package io.reach.campaigns;

import io.reach.platform.security.AccessDecisions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which of the campaign and template pages' forms the signed-in person may use, so a reader is not
 * offered buttons that answer 403. Asked in one go and recorded nowhere; each action still checks itself.
 */
@Component
public class ConsoleAbilities {

    private final AccessDecisions decisions;
    private final HttpServletRequest request;

    /** {@code request} is the container's proxy to the request being served. */
    ConsoleAbilities(AccessDecisions decisions, HttpServletRequest request) {
        this.decisions = decisions;
        this.request = request;
    }

    /** Whether the person making the current request holds {@code resource:action}. */
    public boolean holds(String resource, String action) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        String agent = request.getHeader("User-Agent");
        var context = new AccessDecisions.RequestContext(
                request.getMethod(),
                request.getRequestURI(),
                request.getRemoteAddr(),
                agent == null ? "" : agent,
                null);
        String permission = resource + ":" + action;
        Set<String> held = decisions.held(authentication, List.of(permission), context);
        return held.contains(permission);
    }
}

package io.reach.platform.security;

import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/** The decision point every protected endpoint asks (implemented by the identity module). */
public interface AccessDecisions {

    /** Whether {@code authentication} may perform {@code action} on {@code resource}; refusals are recorded by the implementation. */
    boolean allows(Authentication authentication, String resource, String action, RequestContext context);

    /**
     * Which of {@code permissions} ({@code resource:action}) {@code authentication} holds, asked in one
     * go and recorded nowhere: for showing only the links and buttons a person may use (the page or
     * endpoint behind each still asks {@link #allows} itself).
     */
    Set<String> held(Authentication authentication, Collection<String> permissions, RequestContext context);

    /**
     * Why {@code authentication} may not perform {@code action} on {@code resource}, in words for the
     * caller (the rule that refused, never who else has access); null when allowed.
     */
    default @Nullable String refusal(
            Authentication authentication, String resource, String action, RequestContext context) {
        return allows(authentication, resource, action, context)
                ? null
                : "Your credentials lack the permission " + resource + ":" + action;
    }

    /** What the decision may consider about the request besides the principal. */
    record RequestContext(
            String method,
            String path,
            String ipAddress,
            String userAgent,
            @Nullable String resourceId) {}
}

package io.reach.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/** The decision point every protected endpoint asks (implemented by the identity module). */
public interface AccessDecisions {

    /** Whether {@code authentication} may perform {@code action} on {@code resource}; refusals are recorded by the implementation. */
    boolean allows(Authentication authentication, String resource, String action, RequestContext context);

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

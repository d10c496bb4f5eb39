package io.reach.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** Endpoints about "me" need a signed-in user, not an API key or another kind of principal. */
final class CurrentUser {

    private CurrentUser() {
    }

    static UserPrincipal require(@Nullable UserPrincipal principal) {
        if (principal == null) {
            throw new AccessDeniedException("This endpoint needs a signed-in user");
        }
        return principal;
    }
}

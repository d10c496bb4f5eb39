package io.reach.campaigns;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import io.reach.identity.UserPrincipal;

/** Campaigns, templates and sends are made by people (a signed-in member), not by API keys. */
final class People {

    private People() {
    }

    static UserPrincipal of(@Nullable UserPrincipal principal) {
        if (principal == null) {
            throw new AccessDeniedException("Campaigns, templates and sends are made by a signed-in member");
        }
        return principal;
    }
}

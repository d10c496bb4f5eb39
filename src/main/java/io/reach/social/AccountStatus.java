package io.reach.social;

import io.reach.platform.CheckSet;

/**
 * Where a connected account stands: usable ({@code active}), on hold until its owner reconnects it
 * ({@code needs_review}: the platform refused its token), or let go ({@code disconnected}). Only an
 * active account syncs or publishes.
 */
@CheckSet(table = "social.social_accounts", column = "status")
enum AccountStatus {
    ACTIVE,
    NEEDS_REVIEW,
    DISCONNECTED;

    String code() {
        return name().toLowerCase();
    }

    static boolean isActive(String code) {
        return ACTIVE.code().equals(code);
    }
}

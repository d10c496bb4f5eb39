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

    /** How the console names the state of an account with this status code. */
    static String labelOf(String code) {
        return switch (code) {
            case "active" -> "Connected";
            case "needs_review" -> "Needs reconnection";
            case "disconnected" -> "Disconnected";
            default -> code;
        };
    }

    static boolean isActive(String code) {
        return ACTIVE.code().equals(code);
    }
}

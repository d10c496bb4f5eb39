package io.reach.identity;

import io.reach.platform.CheckSet;

/** A user account's standing across all workspaces: only an active account signs in. */
@CheckSet(table = "identity.users", column = "status")
enum UserStatus {
    ACTIVE,
    INACTIVE,
    INVITED,
    SUSPENDED;

    String code() {
        return name().toLowerCase();
    }
}

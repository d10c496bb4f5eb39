package io.reach.identity;

import io.reach.platform.CheckSet;

/** A user's platform role (not a workspace role): super admins and admins may also use the platform admin API. */
@CheckSet(table = "identity.users", column = "role")
enum UserRole {
    SUPER_ADMIN,
    ADMIN,
    USER;

    /** Whether {@code code} names a platform role that may use the platform admin API. */
    static boolean administersPlatform(String code) {
        return SUPER_ADMIN.code().equals(code) || ADMIN.code().equals(code);
    }

    String code() {
        return name().toLowerCase();
    }
}

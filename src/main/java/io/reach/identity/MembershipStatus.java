package io.reach.identity;

import io.reach.platform.CheckSet;

/** A membership's standing in its workspace: a suspended member keeps the seat but cannot act. */
@CheckSet(table = "identity.memberships", column = "status")
enum MembershipStatus {
    ACTIVE,
    SUSPENDED;

    String code() {
        return name().toLowerCase();
    }
}

package io.reach.identity;

import java.util.UUID;

/** A user's place in one tenant. */
public record Membership(UUID tenantId, UUID membershipId, String role, String userType, String status) {

    public boolean isActive() {
        return MembershipStatus.ACTIVE.code().equals(status);
    }
}

package io.reach.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/** A user's place in one tenant. */
public record Membership(UUID tenantId, UUID membershipId, String role, String userType, String status) {

    /** For the sign-in seam; not part of the answer (the status already says it). */
    @JsonIgnore
    public boolean isActive() {
        return MembershipStatus.ACTIVE.code().equals(status);
    }
}

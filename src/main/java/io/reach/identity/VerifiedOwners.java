package io.reach.identity;

import java.util.Optional;
import java.util.UUID;

/** Owners made without the e-mail round trip: only the demo workspace (REACH_DEMO) uses it. */
public interface VerifiedOwners {

    /** The owner and their new workspace. */
    record NewOwner(UUID userId, UUID tenantId, UUID membershipId) {}

    /**
     * Signs up {@code email} as the confirmed owner of a new workspace named {@code workspace}, nothing
     * mailed; empty when the address already has an account.
     */
    Optional<NewOwner> create(String email, String password, String workspace);

    /** Adds an existing user to a workspace with {@code role}; returns the membership's id. */
    UUID join(UUID userId, UUID tenantId, String role);
}

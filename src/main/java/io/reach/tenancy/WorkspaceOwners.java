package io.reach.tenancy;

import java.util.Optional;
import java.util.UUID;

/**
 * How a workspace gets the owner the platform names for it. People and memberships belong to the
 * identity module, which depends on this one, so tenancy asks through this interface (identity
 * implements it) instead of depending back. Both calls run in the transaction bound to the tenant.
 */
public interface WorkspaceOwners {

    /** Makes the user an owner member of the bound tenant (raising an existing membership); refuses an unknown user. */
    void ensureOwner(UUID userId);

    /**
     * The account with this address becomes an owner member and its id is returned; without an
     * account, the address is mailed an owner invitation and nothing is returned.
     */
    Optional<UUID> addOrInvite(String email);
}

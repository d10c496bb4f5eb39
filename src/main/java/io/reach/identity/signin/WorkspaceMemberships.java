package io.reach.identity.signin;

import io.reach.identity.Membership;
import io.reach.identity.UserType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The memberships sign-up creates and sign-in chooses a workspace from; the module root's repository answers. */
public interface WorkspaceMemberships {

    /** Puts the user in the current tenant. */
    void insert(UUID id, UUID userId, String role, UserType userType, Instant now);

    /** The user's memberships in active tenants, oldest first. */
    List<Membership> ofUser(UUID userId);

    Optional<Membership> ofUserIn(UUID userId, UUID tenantId);
}

package io.reach.identity;

import io.reach.identity.signin.WorkspaceMemberships;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The workspaces a person may switch to: their active memberships in active tenants, oldest first. */
@Component
public class PersonWorkspaces {

    private final WorkspaceMemberships memberships;

    PersonWorkspaces(WorkspaceMemberships memberships) {
        this.memberships = memberships;
    }

    public List<UUID> of(UUID userId) {
        return memberships.ofUser(userId).stream()
                .filter(Membership::isActive)
                .map(Membership::tenantId)
                .toList();
    }
}

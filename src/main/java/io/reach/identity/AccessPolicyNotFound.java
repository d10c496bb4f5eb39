package io.reach.identity;

import java.util.UUID;

import io.reach.platform.web.NotFoundException;

/** No access policy has this id in the current workspace. */
class AccessPolicyNotFound extends NotFoundException {

    private AccessPolicyNotFound(UUID id) {
        super("Access policy", id);
    }

    static AccessPolicyNotFound forId(UUID id) {
        return new AccessPolicyNotFound(id);
    }
}

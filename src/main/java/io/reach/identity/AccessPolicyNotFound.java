package io.reach.identity;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No access policy has this id in the current workspace. */
class AccessPolicyNotFound extends NotFoundException {

    private AccessPolicyNotFound(UUID id) {
        super("Access policy", id);
    }

    static AccessPolicyNotFound forId(UUID id) {
        return new AccessPolicyNotFound(id);
    }
}

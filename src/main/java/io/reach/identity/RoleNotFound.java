package io.reach.identity;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** The current workspace has no such role, custom role or extra-role assignment. */
class RoleNotFound extends NotFoundException {

    private RoleNotFound(String what, Object id) {
        super(what, id);
    }

    /** No custom role of the workspace has this id (built-in roles are never deleted). */
    static RoleNotFound customForId(UUID id) {
        return new RoleNotFound("Custom role", id);
    }

    static RoleNotFound named(String name) {
        return new RoleNotFound("Role", name);
    }

    /** The member does not hold this extra role. */
    static RoleNotFound assignment(UUID userId, UUID roleId) {
        return new RoleNotFound("Role assignment", userId + "/" + roleId);
    }
}

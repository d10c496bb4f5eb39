package io.reach.identity;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No invitation has this id in the current workspace. */
class InvitationNotFound extends NotFoundException {

    private InvitationNotFound(UUID id) {
        super("Invitation", id);
    }

    static InvitationNotFound forId(UUID id) {
        return new InvitationNotFound(id);
    }
}

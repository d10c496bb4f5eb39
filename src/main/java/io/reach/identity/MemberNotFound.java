package io.reach.identity;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** Nobody with this id is a member of the current workspace (another workspace's member looks the same). */
class MemberNotFound extends NotFoundException {

    private MemberNotFound(UUID id) {
        super("Member", id);
    }

    static MemberNotFound forId(UUID id) {
        return new MemberNotFound(id);
    }
}

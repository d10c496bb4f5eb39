package io.reach.social;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No social account has this id in the current workspace. */
class SocialAccountNotFound extends NotFoundException {

    private SocialAccountNotFound(UUID id) {
        super("Social account", id);
    }

    static SocialAccountNotFound forId(UUID id) {
        return new SocialAccountNotFound(id);
    }
}

package io.reach.measurement;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No site has this id in the current workspace. */
class SiteNotFound extends NotFoundException {

    private SiteNotFound(UUID id) {
        super("Site", id);
    }

    static SiteNotFound forId(UUID id) {
        return new SiteNotFound(id);
    }
}

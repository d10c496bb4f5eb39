package io.reach.measurement;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No site key has this id in the current workspace. */
class SiteKeyNotFound extends NotFoundException {

    private SiteKeyNotFound(UUID id) {
        super("Site key", id);
    }

    static SiteKeyNotFound forId(UUID id) {
        return new SiteKeyNotFound(id);
    }
}

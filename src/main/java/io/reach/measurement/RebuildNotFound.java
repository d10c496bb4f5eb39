package io.reach.measurement;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No rollup rebuild of the current workspace has this id. */
class RebuildNotFound extends NotFoundException {

    private RebuildNotFound(UUID id) {
        super("rollup rebuild", id);
    }

    static RebuildNotFound forId(UUID id) {
        return new RebuildNotFound(id);
    }
}

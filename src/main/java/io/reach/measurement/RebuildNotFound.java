package io.reach.measurement;

import java.util.UUID;

import io.reach.platform.web.NotFoundException;

/** No rollup rebuild of the current workspace has this id. */
class RebuildNotFound extends NotFoundException {

    private RebuildNotFound(UUID id) {
        super("rollup rebuild", id);
    }

    static RebuildNotFound forId(UUID id) {
        return new RebuildNotFound(id);
    }
}

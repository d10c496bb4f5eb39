package io.reach.publishing;

import java.util.UUID;

import io.reach.platform.web.NotFoundException;

/** No published post has this id in the current workspace. */
class PublishedPostNotFound extends NotFoundException {

    private PublishedPostNotFound(UUID id) {
        super("Published post", id);
    }

    static PublishedPostNotFound forId(UUID id) {
        return new PublishedPostNotFound(id);
    }
}

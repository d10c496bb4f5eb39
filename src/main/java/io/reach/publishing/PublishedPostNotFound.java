package io.reach.publishing;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No published post has this id in the current workspace. */
class PublishedPostNotFound extends NotFoundException {

    private PublishedPostNotFound(UUID id) {
        super("Published post", id);
    }

    static PublishedPostNotFound forId(UUID id) {
        return new PublishedPostNotFound(id);
    }
}

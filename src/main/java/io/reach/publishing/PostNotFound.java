package io.reach.publishing;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No post has this id in the current workspace. */
class PostNotFound extends NotFoundException {

    private PostNotFound(UUID id) {
        super("Post", id);
    }

    static PostNotFound forId(UUID id) {
        return new PostNotFound(id);
    }
}

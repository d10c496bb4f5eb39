package io.reach.publishing;

import java.util.UUID;

import io.reach.platform.web.NotFoundException;

/** No post has this id in the current workspace. */
class PostNotFound extends NotFoundException {

    private PostNotFound(UUID id) {
        super("Post", id);
    }

    static PostNotFound forId(UUID id) {
        return new PostNotFound(id);
    }
}

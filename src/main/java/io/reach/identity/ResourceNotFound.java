package io.reach.identity;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No object of this type and id in the current workspace, or nobody owns it. */
class ResourceNotFound extends NotFoundException {

    private ResourceNotFound(String what, UUID id) {
        super(what, id);
    }

    static ResourceNotFound of(String type, UUID id) {
        return new ResourceNotFound("Resource of type " + type, id);
    }

    /** The object has no recorded owner (or is not the workspace's). */
    static ResourceNotFound ownerOf(String type, UUID id) {
        return new ResourceNotFound("Ownership of " + type, id);
    }
}

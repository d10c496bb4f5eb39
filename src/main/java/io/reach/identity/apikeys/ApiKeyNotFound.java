package io.reach.identity.apikeys;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No API key has this id in the current workspace. */
class ApiKeyNotFound extends NotFoundException {

    private ApiKeyNotFound(UUID id) {
        super("API key", id);
    }

    static ApiKeyNotFound forId(UUID id) {
        return new ApiKeyNotFound(id);
    }
}

package io.reach.identity.apikeys;

import java.util.UUID;

import io.reach.platform.web.NotFoundException;

/** No API key has this id in the current workspace. */
class ApiKeyNotFound extends NotFoundException {

    private ApiKeyNotFound(UUID id) {
        super("API key", id);
    }

    static ApiKeyNotFound forId(UUID id) {
        return new ApiKeyNotFound(id);
    }
}

package io.reach.identity;

import io.reach.platform.web.NotFoundException;

/** The signed-in user keeps no entry under this key. */
class ProfileEntryNotFound extends NotFoundException {

    private ProfileEntryNotFound(String key) {
        super("Entry", key);
    }

    static ProfileEntryNotFound forKey(String key) {
        return new ProfileEntryNotFound(key);
    }
}

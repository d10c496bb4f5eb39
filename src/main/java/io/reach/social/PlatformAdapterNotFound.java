package io.reach.social;

import io.reach.platform.web.NotFoundException;

/** No adapter speaks this platform. */
class PlatformAdapterNotFound extends NotFoundException {

    private PlatformAdapterNotFound(String name) {
        super("Platform adapter", name);
    }

    static PlatformAdapterNotFound forPlatform(String name) {
        return new PlatformAdapterNotFound(name);
    }
}

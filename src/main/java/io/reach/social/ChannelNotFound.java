package io.reach.social;

import io.reach.platform.web.NotFoundException;

/** No channel in the catalog has this name. */
class ChannelNotFound extends NotFoundException {

    private ChannelNotFound(String name) {
        super("Channel", name);
    }

    static ChannelNotFound forName(String name) {
        return new ChannelNotFound(name);
    }
}

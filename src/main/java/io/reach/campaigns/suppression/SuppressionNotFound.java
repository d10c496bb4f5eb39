package io.reach.campaigns.suppression;

import io.reach.platform.web.NotFoundException;

/** The address is not on the workspace's suppression list of the channel. */
class SuppressionNotFound extends NotFoundException {

    private SuppressionNotFound(String what, Object id) {
        super(what, id);
    }

    static SuppressionNotFound forAddress(String address) {
        return new SuppressionNotFound("suppression", address);
    }
}

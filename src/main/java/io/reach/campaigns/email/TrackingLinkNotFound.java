package io.reach.campaigns.email;

import io.reach.platform.web.NotFoundException;

/** A tracking or unsubscribe link that is not genuine, or whose send no longer exists; the token is never echoed when invalid. */
class TrackingLinkNotFound extends NotFoundException {

    private TrackingLinkNotFound(String what, Object id) {
        super(what, id);
    }

    static TrackingLinkNotFound invalidToken() {
        return new TrackingLinkNotFound("link", "(invalid token)");
    }

    static TrackingLinkNotFound unknownSend() {
        return new TrackingLinkNotFound("link", "(unknown send)");
    }

    static TrackingLinkNotFound forToken(String token) {
        return new TrackingLinkNotFound("link", token);
    }
}

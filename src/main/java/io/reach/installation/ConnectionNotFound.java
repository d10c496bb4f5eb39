package io.reach.installation;

import io.reach.platform.web.NotFoundException;

/** No connection kind has this code. */
class ConnectionNotFound extends NotFoundException {

    private ConnectionNotFound(String kind) {
        super("Connection kind", kind);
    }

    static ConnectionNotFound forKind(String kind) {
        return new ConnectionNotFound(kind);
    }
}

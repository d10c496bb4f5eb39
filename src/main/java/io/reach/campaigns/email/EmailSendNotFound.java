package io.reach.campaigns.email;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No recipient's send with this id in this e-mail campaign of the current workspace. */
class EmailSendNotFound extends NotFoundException {

    private EmailSendNotFound(String what, Object id) {
        super(what, id);
    }

    static EmailSendNotFound forId(UUID id) {
        return new EmailSendNotFound("email send", id);
    }
}

package io.reach.campaigns.sms;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No recipient's send with this id in this SMS campaign (or, for a callback, in the tenant it names). */
class SmsSendNotFound extends NotFoundException {

    private SmsSendNotFound(String what, Object id) {
        super(what, id);
    }

    static SmsSendNotFound forId(UUID id) {
        return new SmsSendNotFound("sms send", id);
    }
}

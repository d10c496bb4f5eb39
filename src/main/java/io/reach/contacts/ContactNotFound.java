package io.reach.contacts;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No contact of the workspace has the id (another workspace's contact is not found either). */
public class ContactNotFound extends NotFoundException {

    private ContactNotFound(String what, Object id) {
        super(what, id);
    }

    public static ContactNotFound forId(UUID id) {
        return new ContactNotFound("Contact", id);
    }

    public static ContactNotFound listForId(UUID id) {
        return new ContactNotFound("List", id);
    }

    static ContactNotFound segmentForId(UUID id) {
        return new ContactNotFound("Segment", id);
    }

    static ContactNotFound fieldForName(String name) {
        return new ContactNotFound("Contact field", name);
    }
}

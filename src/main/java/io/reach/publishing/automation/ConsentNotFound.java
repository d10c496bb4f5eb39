package io.reach.publishing.automation;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** The automation has no consent recorded (or it is revoked already). */
class ConsentNotFound extends NotFoundException {

    private ConsentNotFound(UUID id) {
        super("Consent for automation", id);
    }

    static ConsentNotFound forAutomation(UUID id) {
        return new ConsentNotFound(id);
    }
}

package io.reach.publishing.automation;

import java.util.UUID;

import io.reach.platform.web.NotFoundException;

/** The automation has no consent recorded (or it is revoked already). */
class ConsentNotFound extends NotFoundException {

    private ConsentNotFound(UUID id) {
        super("Consent for automation", id);
    }

    static ConsentNotFound forAutomation(UUID id) {
        return new ConsentNotFound(id);
    }
}

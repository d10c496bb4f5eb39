package io.reach.publishing.automation;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No automation has this id in the current workspace. */
class AutomationNotFound extends NotFoundException {

    private AutomationNotFound(UUID id) {
        super("Automation", id);
    }

    static AutomationNotFound forId(UUID id) {
        return new AutomationNotFound(id);
    }
}

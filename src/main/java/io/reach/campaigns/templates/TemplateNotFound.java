package io.reach.campaigns.templates;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No template, or no such version of it, in the current workspace. */
class TemplateNotFound extends NotFoundException {

    private TemplateNotFound(String what, Object id) {
        super(what, id);
    }

    static TemplateNotFound forId(UUID id) {
        return new TemplateNotFound("template", id);
    }

    static TemplateNotFound forVersion(UUID id, int version) {
        return new TemplateNotFound("template version", id + " v" + version);
    }
}

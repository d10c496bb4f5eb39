package io.reach.contacts.imports;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;

/** No import of this id in the workspace (404). */
public class ImportNotFound extends NotFoundException {

    private ImportNotFound(UUID id) {
        super("Import", id);
    }

    static ImportNotFound forId(UUID id) {
        return new ImportNotFound(id);
    }
}

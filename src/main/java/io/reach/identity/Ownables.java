package io.reach.identity;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Every module's {@link OwnableResources}: the one check that an ownership names a real object of this tenant. */
@Component
class Ownables {

    private final List<OwnableResources> modules;

    Ownables(List<OwnableResources> modules) {
        this.modules = modules;
    }

    /** Refuses a type nothing can be owned of (400), and an id that is not this tenant's object of that type (404). */
    void requireExisting(String type, UUID id) {
        OwnableResources owner = modules.stream()
                .filter(module -> module.types().contains(type))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(new FieldError(
                        "resource_type", "is not a type whose objects can be owned; one of " + types())));
        if (!owner.exists(type, id)) {
            throw ResourceNotFound.of(type, id);
        }
    }

    private String types() {
        TreeSet<String> types = new TreeSet<>();
        modules.forEach(module -> types.addAll(module.types()));
        return String.join(", ", types);
    }
}

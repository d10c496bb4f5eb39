package io.reach.contacts.imports;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an import is: mirrors the CHECK on contacts.imports.status. */
@CheckSet(table = "contacts.imports", column = "status")
public enum ImportStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportStatus> ofCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code().equals(code))
                .findFirst();
    }
}

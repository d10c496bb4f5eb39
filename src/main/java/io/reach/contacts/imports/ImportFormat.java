package io.reach.contacts.imports;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The format of an import's rows: mirrors the CHECK on contacts.imports.format. */
@CheckSet(table = "contacts.imports", column = "format")
public enum ImportFormat {
    CSV,
    JSON;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportFormat> ofCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code().equals(code))
                .findFirst();
    }
}

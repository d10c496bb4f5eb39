package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may subscribe to a list: anyone through its hosted form (public), or only the workspace (private); mirrors the CHECK on contacts.lists.visibility. */
@CheckSet(table = "contacts.lists", column = "visibility")
public enum ListVisibility {
    PRIVATE,
    PUBLIC;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ListVisibility> ofCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code().equals(code))
                .findFirst();
    }
}

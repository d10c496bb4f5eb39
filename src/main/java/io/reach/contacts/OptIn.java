package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a list takes members: mirrors the CHECK on contacts.lists.opt_in. */
@CheckSet(table = "contacts.lists", column = "opt_in")
public enum OptIn {
    /** A member added is confirmed at once. */
    SINGLE,
    /** A member added is mailed a confirmation link and receives nothing else until it is followed. */
    DOUBLE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OptIn> ofCode(String code) {
        return Arrays.stream(values())
                .filter(optIn -> optIn.code().equals(code))
                .findFirst();
    }
}

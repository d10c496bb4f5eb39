package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Locale;

/** How a contact came to the workspace: mirrors the CHECK on contacts.contacts.source. */
@CheckSet(table = "contacts.contacts", column = "source")
public enum ContactSource {
    API,
    CONSOLE,
    IMPORT,
    FORM;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ContactSource ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

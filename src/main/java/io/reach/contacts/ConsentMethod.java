package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a consent was given or withdrawn: mirrors the CHECK on contacts.consents.method. */
@CheckSet(table = "contacts.consents", column = "method")
public enum ConsentMethod {
    API,
    CONSOLE,
    IMPORT,
    FORM,
    DOUBLE_OPT_IN,
    UNSUBSCRIBE_LINK,
    PREFERENCE_CENTRE,
    COMPLAINT,
    /** An SMS reply (STOP). */
    REPLY;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsentMethod> ofCode(String code) {
        return Arrays.stream(values())
                .filter(method -> method.code().equals(code))
                .findFirst();
    }
}

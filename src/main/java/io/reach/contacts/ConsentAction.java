package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a consent record grants or withdraws: mirrors the CHECK on contacts.consents.action. */
@CheckSet(table = "contacts.consents", column = "action")
public enum ConsentAction {
    GRANTED,
    WITHDRAWN;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsentAction> ofCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code().equals(code))
                .findFirst();
    }
}

package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Optional;

/** Whether a contact may be written to, or why never: mirrors the CHECK on contacts.contacts.status. */
@CheckSet(table = "contacts.contacts", column = "status")
public enum ContactStatus {
    SUBSCRIBED,
    UNSUBSCRIBED,
    BOUNCED,
    COMPLAINED;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ContactStatus> ofCode(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code().equals(code))
                .findFirst();
    }
}

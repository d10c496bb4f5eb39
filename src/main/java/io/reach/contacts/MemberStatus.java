package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A contact's place on a list: mirrors the CHECK on contacts.list_members.status. */
@CheckSet(table = "contacts.list_members", column = "status")
public enum MemberStatus {
    /** On a double opt-in list, until the confirmation link is followed: never mailed. */
    UNCONFIRMED,
    CONFIRMED,
    UNSUBSCRIBED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MemberStatus> ofCode(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code().equals(code))
                .findFirst();
    }
}

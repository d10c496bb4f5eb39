package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The channel a consent or an activity is about: mirrors the CHECKs on contacts.consents.channel and contacts.activities.channel. */
@CheckSet(table = "contacts.consents", column = "channel")
@CheckSet(table = "contacts.activities", column = "channel")
public enum ContactChannel {
    EMAIL,
    SMS;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContactChannel> ofCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code().equals(code))
                .findFirst();
    }
}

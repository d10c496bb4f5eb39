package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an activity was about: mirrors the CHECK on contacts.activities.source_type. */
@CheckSet(table = "contacts.activities", column = "source_type")
public enum ActivitySource {
    EMAIL_CAMPAIGN,
    SMS_CAMPAIGN,
    LIST,
    IMPORT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActivitySource> ofCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code().equals(code))
                .findFirst();
    }
}

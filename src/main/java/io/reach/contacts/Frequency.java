package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How many campaigns a contact wants, chosen in its preference centre: mirrors the CHECK on contacts.contacts.frequency. */
@CheckSet(table = "contacts.contacts", column = "frequency")
public enum Frequency {
    /** Every campaign it is in the audience of. */
    EVERY(Duration.ZERO),
    /** At most one campaign in seven days. */
    WEEKLY(Duration.ofDays(7)),
    /** At most one campaign in thirty days. */
    MONTHLY(Duration.ofDays(30));

    private final Duration gap;

    Frequency(Duration gap) {
        this.gap = gap;
    }

    /** The least time between two campaigns to the contact. */
    public Duration gap() {
        return gap;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Frequency> ofCode(String code) {
        return Arrays.stream(values())
                .filter(frequency -> frequency.code().equals(code))
                .findFirst();
    }
}

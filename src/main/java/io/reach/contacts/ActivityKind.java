package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a contact did or had done to it: mirrors the CHECK on contacts.activities.kind. */
@CheckSet(table = "contacts.activities", column = "kind")
public enum ActivityKind {
    SENT(0),
    OPENED(1),
    CLICKED(3),
    UNSUBSCRIBED(0),
    BOUNCED(-5),
    COMPLAINED(-5),
    SUBSCRIBED(0),
    CONFIRMED(0),
    CONVERSION(5),
    DOWNLOAD(1);

    /** What one such activity of the last 90 days adds to the engagement score. */
    private final int points;

    ActivityKind(int points) {
        this.points = points;
    }

    int points() {
        return points;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActivityKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }
}

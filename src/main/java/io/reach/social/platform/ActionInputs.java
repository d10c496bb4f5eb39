package io.reach.social.platform;

import io.reach.social.PlatformError;
import org.jspecify.annotations.Nullable;

/** What an automation's action must carry before any platform is called. */
public final class ActionInputs {

    private ActionInputs() {}

    /**
     * The value, present and not blank; otherwise the action is refused for good ({@code TERMINAL}:
     * asking again cannot help) with {@code refusal} saying what was missing.
     */
    public static String required(@Nullable String value, String refusal) {
        if (value == null || value.isBlank()) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, refusal);
        }
        return value;
    }
}

package io.reach.contacts;

import org.jspecify.annotations.Nullable;

/**
 * A page a contact sees without signing in (a hosted form, a confirmation): a title, a message, and
 * optionally one form posting to {@code action} with a button, the link's token and, for a
 * subscription form, the address and first-name fields.
 */
public record PublicPage(
        String title,
        @Nullable String message,
        @Nullable String action,
        @Nullable String token,
        boolean askAddress,
        String button) {

    static PublicPage message(String title, String message) {
        return new PublicPage(title, message, null, null, false, "");
    }
}

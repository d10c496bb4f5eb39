package io.reach.contacts;

import org.jspecify.annotations.Nullable;

/**
 * A page a contact sees without signing in (a hosted form, a confirmation): a title, a message, and
 * optionally one form posting to {@code action} with a button, the link's token and, for a
 * subscription form, the address and first-name fields; in the workspace's branding when it is known.
 */
public record PublicPage(
        String title,
        @Nullable String message,
        @Nullable String action,
        @Nullable String token,
        boolean askAddress,
        String button,
        PreferenceBranding branding) {

    PublicPage(
            String title,
            @Nullable String message,
            @Nullable String action,
            @Nullable String token,
            boolean askAddress,
            String button) {
        this(title, message, action, token, askAddress, button, PreferenceBranding.DEFAULT);
    }

    static PublicPage message(String title, String message) {
        return new PublicPage(title, message, null, null, false, "");
    }

    /** The page in a workspace's colours. */
    PublicPage in(PreferenceBranding look) {
        return new PublicPage(title, message, action, token, askAddress, button, look);
    }
}

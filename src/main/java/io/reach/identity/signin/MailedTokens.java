package io.reach.identity.signin;

import org.jspecify.annotations.Nullable;

/** The tokens the pages mails link to carry (and the MFA step's), checked for shape before any lookup. */
final class MailedTokens {

    static final int MAX_LENGTH = 200;

    private MailedTokens() {}

    static boolean plausible(@Nullable String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_LENGTH;
    }
}

package io.reach.contacts;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * E-mail addresses and phone numbers in the one form Reach stores and compares them in: a trimmed,
 * lower-case address; an E.164 number without spaces, dots, dashes or brackets ({@code 00} read as
 * {@code +}). A contact, a send and a suppression of the same person so always match.
 */
public final class Addresses {

    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s\"<>,;]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s().-]");

    private Addresses() {}

    /** The address in its stored form, or null when it is not an e-mail address. */
    public static @Nullable String normalEmail(@Nullable String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.trim();
        return trimmed.length() <= 254 && EMAIL.matcher(trimmed).matches() ? trimmed.toLowerCase(Locale.ROOT) : null;
    }

    /** The number in E.164, or null when it is not an international number. */
    public static @Nullable String normalPhone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String compact = PHONE_NOISE.matcher(phone.trim()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return E164.matcher(compact).matches() ? compact : null;
    }
}

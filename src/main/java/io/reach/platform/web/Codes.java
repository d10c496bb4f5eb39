package io.reach.platform.web;

import java.util.Arrays;
import java.util.Locale;

/** Reads the lower-case wire codes of the enums that mirror CHECK sets; an unknown code is a field error naming the choices. */
public final class Codes {

    private Codes() {}

    /** A code read back from the database, which its CHECK constraint keeps within the enum's. */
    public static <E extends Enum<E>> E stored(Class<E> type, String code) {
        return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
    }

    public static <E extends Enum<E>> E of(Class<E> type, String code, String field) {
        try {
            return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(new FieldError(
                    field,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                                    .toList()));
        }
    }
}

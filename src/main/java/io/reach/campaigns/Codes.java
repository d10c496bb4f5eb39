package io.reach.campaigns;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/** Reads the lower-case wire codes of this module's enums; an unknown code is a field error naming the choices. */
public final class Codes {

    private Codes() {}

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

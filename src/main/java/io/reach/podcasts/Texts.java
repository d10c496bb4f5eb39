package io.reach.podcasts;

import io.reach.platform.web.FieldError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The checks a catalog's texts and addresses go through: trimmed, bounded, web addresses http(s) only. */
public final class Texts {

    static final int MAX_URL = 2000;

    private Texts() {}

    public static String required(@Nullable String value, String field, int max, List<FieldError> errors) {
        String text = optional(value, field, max, errors);
        if (text == null) {
            errors.add(new FieldError(field, "is required"));
            return "";
        }
        return text;
    }

    public static @Nullable String optional(@Nullable String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max || text.chars().anyMatch(c -> c == 0)) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return text;
    }

    public static @Nullable String web(@Nullable String value, String field, List<FieldError> errors) {
        String url = optional(value, field, MAX_URL, errors);
        if (url != null && !url.matches("(?i)^https?://[^\\s]+$")) {
            errors.add(new FieldError(field, "must be an http:// or https:// address"));
        }
        return url;
    }
}

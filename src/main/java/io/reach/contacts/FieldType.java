package io.reach.contacts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The type of a declared contact attribute: mirrors the CHECK on contacts.contact_fields.field_type. */
@CheckSet(table = "contacts.contact_fields", column = "field_type")
public enum FieldType {
    TEXT {
        @Override
        @Nullable
        Object read(Object value) {
            return value instanceof String text && text.length() <= 2000 ? text : null;
        }
    },
    NUMBER {
        @Override
        @Nullable
        Object read(Object value) {
            if (value instanceof Number number) {
                return Double.isFinite(number.doubleValue()) ? number : null;
            }
            if (value instanceof String text) {
                try {
                    return new java.math.BigDecimal(text.strip());
                } catch (NumberFormatException notANumber) {
                    return null;
                }
            }
            return null;
        }
    },
    BOOLEAN {
        @Override
        @Nullable
        Object read(Object value) {
            if (value instanceof Boolean yes) {
                return yes;
            }
            if (value instanceof String text) {
                return switch (text.strip().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1" -> true;
                    case "false", "no", "0" -> false;
                    default -> null;
                };
            }
            return null;
        }
    },
    DATE {
        @Override
        @Nullable
        Object read(Object value) {
            if (!(value instanceof String text)) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip()).toString();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    };

    /** The value in stored form (a text typed into a spreadsheet is read too), or null when it is not of this type. */
    abstract @Nullable Object read(Object value);

    /** What a value of this type looks like, for field errors. */
    String expected() {
        return switch (this) {
            case TEXT -> "a text of at most 2000 characters";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date (YYYY-MM-DD)";
        };
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
    }
}

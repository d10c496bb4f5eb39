package io.reach.contacts;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A contact's details checked and in stored form: at least an e-mail address or a phone number
 * (normalised, see {@link Addresses}), names up to 200 characters, a BCP 47 locale, an IANA time
 * zone, up to 100 tags (trimmed, lower-case, at most 50 characters each) and attributes of declared
 * fields, each in its field's type.
 */
public record ContactDetails(
        @Nullable String email,
        @Nullable String phone,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String locale,
        @Nullable String timeZone,
        Map<String, Object> attributes,
        List<String> tags) {

    static final int MAX_TAGS = 100;
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}");

    public ContactDetails {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        tags = List.copyOf(tags);
    }

    /**
     * The input checked against the workspace's declared {@code fields}, in stored form: every field
     * error (attributes included) in one 400.
     */
    public static ContactDetails of(ContactInput input, List<ContactField> fields) {
        List<FieldError> errors = new ArrayList<>();
        ContactDetails details = new ContactDetails(
                email(input.email(), errors),
                phone(input.phone(), errors),
                name("first_name", input.firstName(), errors),
                name("last_name", input.lastName(), errors),
                locale(input.locale(), errors),
                timeZone(input.timeZone(), errors),
                Attributes.checked(input.attributes() == null ? Map.of() : input.attributes(), fields, errors),
                tags(input.tags(), errors));
        if (details.email() == null && details.phone() == null && errors.isEmpty()) {
            errors.add(new FieldError("email", "an e-mail address or a phone number is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The contact has invalid fields", errors);
        }
        return details;
    }

    /** These details with what {@code change} names put in their place (see {@link ContactInput}), checked again. */
    ContactDetails changed(ContactInput change, List<ContactField> fields) {
        Map<String, @Nullable Object> merged = new LinkedHashMap<>(attributes);
        if (change.attributes() != null) {
            change.attributes().forEach((name, value) -> {
                if (value == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, value);
                }
            });
        }
        return of(
                new ContactInput(
                        pick(change.email(), email),
                        pick(change.phone(), phone),
                        pick(change.firstName(), firstName),
                        pick(change.lastName(), lastName),
                        pick(change.locale(), locale),
                        pick(change.timeZone(), timeZone),
                        merged,
                        change.tags() == null ? tags : change.tags()),
                fields);
    }

    private static @Nullable String pick(@Nullable String given, @Nullable String current) {
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null : given;
    }

    private static @Nullable String email(@Nullable String given, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String email = Addresses.normalEmail(given);
        if (email == null) {
            errors.add(new FieldError("email", "is not a valid e-mail address"));
        }
        return email;
    }

    private static @Nullable String phone(@Nullable String given, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String phone = Addresses.normalPhone(given);
        if (phone == null) {
            errors.add(new FieldError("phone", "is not a valid international number (E.164, e.g. +14155550123)"));
        }
        return phone;
    }

    private static @Nullable String name(String field, @Nullable String given, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String name = given.strip();
        if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must be at most 200 characters, without control characters"));
        }
        return name;
    }

    private static @Nullable String locale(@Nullable String given, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String locale = given.strip();
        if (locale.length() > 35 || !LOCALE.matcher(locale).matches()) {
            errors.add(new FieldError("locale", "is not a language tag (such as en, fr-CA)"));
            return locale;
        }
        return Locale.forLanguageTag(locale.replace('_', '-')).toLanguageTag();
    }

    private static @Nullable String timeZone(@Nullable String given, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(given.strip()).getId();
        } catch (DateTimeException unknown) {
            errors.add(new FieldError("time_zone", "is not a time zone (such as Europe/Paris)"));
            return given;
        }
    }

    private static List<String> tags(@Nullable List<String> given, List<FieldError> errors) {
        if (given == null) {
            return List.of();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : given) {
            String normal = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (normal.isEmpty() || normal.length() > 50) {
                errors.add(new FieldError("tags", "each tag must be 1 to 50 characters"));
                return List.of();
            }
            tags.add(normal);
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "at most " + MAX_TAGS + " tags"));
        }
        return List.copyOf(tags);
    }
}

package io.reach.contacts;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What someone typed about a contact, not yet checked ({@link ContactDetails#of} checks it). As a
 * change, null leaves a field as it is, an empty text clears it, a null attribute removes it and
 * tags, when given, replace the tags.
 */
public record ContactInput(
        @Nullable String email,
        @Nullable String phone,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String locale,
        @Nullable String timeZone,
        @Nullable Map<String, @Nullable Object> attributes,
        @Nullable List<String> tags) {}

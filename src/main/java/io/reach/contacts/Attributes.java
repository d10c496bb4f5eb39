package io.reach.contacts;

import io.reach.platform.web.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A contact's attributes checked against the workspace's declared fields, each in its field's stored form. */
final class Attributes {

    private Attributes() {}

    /** The attributes in stored form, adding a field error per undeclared or mistyped attribute to {@code errors}. */
    static Map<String, Object> checked(
            Map<String, @Nullable Object> given, List<ContactField> fields, List<FieldError> errors) {
        Map<String, ContactField> declared =
                fields.stream().collect(Collectors.toMap(ContactField::name, Function.identity()));
        Map<String, Object> stored = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            ContactField field = declared.get(name);
            if (field == null) {
                errors.add(new FieldError(
                        "attributes." + name,
                        "is not a declared contact field (declare it under /api/v1/contact-fields)"));
                return;
            }
            Object read = value == null ? null : field.fieldType().read(value);
            if (read == null) {
                errors.add(new FieldError(
                        "attributes." + name, "must be " + field.fieldType().expected()));
                return;
            }
            stored.put(name, read);
        });
        return stored;
    }
}

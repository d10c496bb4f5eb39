package io.reach.campaigns.templates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The values a template is rendered with for one recipient: declared defaults, then the recipient's own, then built-ins. */
public final class Personalisation {

    private Personalisation() {}

    public static final String PREFERENCES_URL = "preferences_url";

    public static Map<String, Object> values(
            TemplateContent content, Map<String, String> recipient, Map<String, String> builtIns) {
        Map<String, Object> values = new HashMap<>();
        content.variables().forEach((name, fallback) -> {
            if (fallback != null) {
                values.put(name, fallback);
            }
        });
        values.putAll(recipient);
        values.putAll(builtIns);
        return nested(values);
    }

    /**
     * A recipient's preference centre ({@code {{preferences_url}}}): its contact's own when it was taken
     * from a list or segment, else the unsubscribe link (an uploaded address has no centre).
     */
    public static String preferencesUrl(Map<String, String> recipient, String unsubscribeUrl) {
        return recipient.getOrDefault(PREFERENCES_URL, unsubscribeUrl);
    }

    /**
     * The values with {@code contact.first_name} and the like also as a {@code contact} object, so
     * {@code {{contact.first_name}}} finds them (Mustache reads a dotted name as a path).
     */
    private static Map<String, Object> nested(Map<String, Object> values) {
        Map<String, Object> contact = new HashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith("contact.")) {
                contact.put(name.substring("contact.".length()), value);
            }
        });
        if (!contact.isEmpty()) {
            values.put("contact", contact);
        }
        return values;
    }

    /** The required variables a recipient does not supply (empty when it can be sent). */
    public static List<String> missing(TemplateContent content, Map<String, String> recipient) {
        return content.required().stream()
                .filter(name ->
                        recipient.get(name) == null || recipient.get(name).isBlank())
                .toList();
    }
}

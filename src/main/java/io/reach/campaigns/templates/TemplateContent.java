package io.reach.campaigns.templates;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A template's content as checked when it is saved: the parts its type needs (e-mail: subject and
 * html, optional text; SMS: body), valid Mustache everywhere, and every placeholder either
 * built in or declared under {@code variables} ({@code name: default}, or {@code null} when each
 * recipient must supply it). Unknown placeholders and malformed parts are field errors.
 */
public record TemplateContent(TemplateType type, Map<String, @Nullable String> variables, Map<String, String> parts) {

    static final int MAX_CHARS = 512 * 1024;
    static final Set<String> BUILT_IN = Set.of("email", "name", "phone", "unsubscribe_url", "preferences_url");
    /** The contact a recipient was taken from: {@code {{contact.first_name}}}, {@code {{contact.<declared field>}}}. */
    static final String CONTACT = "contact";

    private static final List<String> TEXT_PARTS = List.of("subject", "html", "text", "body");

    public static TemplateContent check(TemplateType type, @Nullable JsonNode content) {
        if (content == null || !content.isObject()) {
            throw new InvalidRequestException(new FieldError("template_content", "must be a JSON object"));
        }
        if (content.toString().length() > MAX_CHARS) {
            throw new InvalidRequestException(
                    new FieldError("template_content", "must be at most " + MAX_CHARS + " characters"));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, @Nullable String> variables = variables(content.path("variables"), errors);
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : TEXT_PARTS) {
            JsonNode value = content.path(part);
            if (value.isMissingNode() || value.isNull()) {
                if (type.requires(part)) {
                    errors.add(new FieldError(
                            "template_content." + part, "is required for " + type.code() + " templates"));
                }
                continue;
            }
            if (!value.isString()) {
                errors.add(new FieldError("template_content." + part, "must be a string"));
                continue;
            }
            parts.put(part, value.stringValue());
            placeholderErrors(part, value.stringValue(), variables, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.toArray(FieldError[]::new));
        }
        return new TemplateContent(type, variables, parts);
    }

    /** The declared variables every recipient must supply (declared without a default). */
    List<String> required() {
        return variables.entrySet().stream()
                .filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    public @Nullable String part(String name) {
        return parts.get(name);
    }

    private static void placeholderErrors(
            String part, String text, Map<String, @Nullable String> variables, List<FieldError> errors) {
        try {
            Set<String> unknown = new TreeSet<>(TemplateText.placeholders(text));
            unknown.removeAll(BUILT_IN);
            unknown.removeAll(variables.keySet());
            unknown.remove(CONTACT);
            if (!unknown.isEmpty()) {
                errors.add(new FieldError(
                        "template_content." + part,
                        "uses placeholders that are neither built in "
                                + BUILT_IN.stream().sorted().toList()
                                + " nor contact.<field> nor declared under variables: "
                                + unknown));
            }
        } catch (TemplateText.Invalid e) {
            errors.add(new FieldError("template_content." + part, "is not a valid template: " + e.getMessage()));
        }
    }

    private static Map<String, @Nullable String> variables(JsonNode node, List<FieldError> errors) {
        Map<String, @Nullable String> variables = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return variables;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("template_content.variables", "must be an object of name: default (or null)"));
            return variables;
        }
        for (var entry : node.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (!name.matches("(contact\\.)?[A-Za-z_][A-Za-z0-9_]{0,63}") || BUILT_IN.contains(name)) {
                errors.add(new FieldError(
                        "template_content.variables." + name,
                        "must be a name of letters, digits and _ that is not built in (or contact.<field>)"));
            } else if (!value.isNull() && !value.isString()) {
                errors.add(new FieldError("template_content.variables." + name, "must be a string default or null"));
            } else {
                variables.put(name, value.isNull() ? null : value.stringValue());
            }
        }
        return variables;
    }
}

package io.reach.campaigns.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's template editor as typed: one field per part, the declared variables one per line
 * ({@code name = default}, or a bare {@code name} that each recipient must supply), and sample values
 * for the preview the same way. It reads into the API's {@code template_content} and back.
 */
public record TemplateForm(
        String name,
        String type,
        String subject,
        String html,
        String text,
        String body,
        String variables,
        String samples) {

    /** A declared variable as the editor lists it; {@code fallback} null when each recipient supplies it. */
    public record Variable(String name, @Nullable String fallback) {}

    static final List<String> PARTS = List.of("subject", "html", "text", "body");

    /** What a form posts without a field is that field left empty (an e-mail template when no type is chosen). */
    @SuppressWarnings("NullAway") // bound from request parameters, which may be absent
    public TemplateForm {
        name = orEmpty(name);
        type = type == null || type.isBlank() ? "email" : type;
        subject = orEmpty(subject);
        html = orEmpty(html);
        text = orEmpty(text);
        body = orEmpty(body);
        variables = orEmpty(variables);
        samples = orEmpty(samples);
    }

    static TemplateForm blank() {
        return new TemplateForm("", "email", "", "", "", "", "", "");
    }

    /** The form of a stored version; the samples start from the variables' defaults. */
    static TemplateForm of(StoredTemplate template) {
        JsonNode content = template.templateContent();
        StringBuilder variables = new StringBuilder();
        content.path("variables")
                .properties()
                .forEach(variable -> variables
                        .append(variable.getKey())
                        .append(
                                variable.getValue().isNull()
                                        ? ""
                                        : " = " + variable.getValue().asString())
                        .append('\n'));
        return new TemplateForm(
                template.templateName(),
                template.templateType().code(),
                content.path("subject").asString(""),
                content.path("html").asString(""),
                content.path("text").asString(""),
                content.path("body").asString(""),
                variables.toString(),
                "");
    }

    /** The API's {@code template_content}: the parts given (blank ones left out) and the declared variables. */
    JsonNode content() {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        for (String part : PARTS) {
            if (!part(part).isBlank()) {
                content.put(part, part(part));
            }
        }
        ObjectNode declared = content.putObject("variables");
        declared().forEach(variable -> {
            if (variable.fallback() == null) {
                declared.putNull(variable.name());
            } else {
                declared.put(variable.name(), variable.fallback());
            }
        });
        return content;
    }

    /** The version as lines to compare: its name, each part under a heading, then its variables. */
    List<String> document() {
        List<String> lines = new ArrayList<>();
        lines.add("Name: " + name);
        for (String part : PARTS) {
            section(lines, part, part(part));
        }
        section(lines, "variables", variables);
        return lines;
    }

    private String part(String part) {
        return switch (part) {
            case "subject" -> subject;
            case "html" -> html;
            case "text" -> text;
            default -> body;
        };
    }

    private static void section(List<String> lines, String heading, String typed) {
        if (!typed.isBlank()) {
            lines.add("[" + heading + "]");
            lines.addAll(typed.lines().toList());
        }
    }

    /** The declared variables, in the order typed. */
    public List<Variable> declared() {
        List<Variable> declared = new ArrayList<>();
        lines(variables).forEach((name, fallback) -> declared.add(new Variable(name, fallback)));
        return declared;
    }

    /** The preview's sample values by variable name. */
    Map<String, String> sampleValues() {
        Map<String, String> values = new LinkedHashMap<>();
        lines(samples).forEach((name, value) -> values.put(name, value == null ? "" : value));
        return values;
    }

    /** The form field that shows an API field's error: {@code template_content.variables.x} is under variables. */
    static String fieldOf(String apiField) {
        return switch (apiField) {
            case "template_name" -> "name";
            case "template_type" -> "type";
            case "template_content" -> "content";
            default -> {
                String part = apiField.replaceFirst("^template_content\\.", "");
                yield part.startsWith("variables") ? "variables" : part;
            }
        };
    }

    /** Lines of {@code name = value} (a bare {@code name} has no value), blank lines skipped. */
    private static Map<String, @Nullable String> lines(String typed) {
        Map<String, @Nullable String> entries = new LinkedHashMap<>();
        for (String line : typed.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                entries.put(line.strip(), null);
            } else {
                entries.put(
                        line.substring(0, equals).strip(),
                        line.substring(equals + 1).strip());
            }
        }
        return entries;
    }

    private static String orEmpty(@Nullable String typed) {
        return typed == null ? "" : typed;
    }
}

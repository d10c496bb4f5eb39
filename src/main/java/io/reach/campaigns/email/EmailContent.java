package io.reach.campaigns.email;

import io.reach.campaigns.templates.TemplateContent;
import io.reach.campaigns.templates.TemplateType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** An e-mail campaign's subject, HTML and text (with its template's declared variables) as checked template content. */
public final class EmailContent {

    private EmailContent() {}

    public static TemplateContent of(String subject, String html, @Nullable String text, @Nullable JsonNode variables) {
        ObjectNode node =
                JsonNodeFactory.instance.objectNode().put("subject", subject).put("html", html);
        if (text != null) {
            node.put("text", text);
        }
        if (variables != null && variables.isObject()) {
            node.set("variables", variables);
        }
        return TemplateContent.check(TemplateType.EMAIL, node);
    }
}

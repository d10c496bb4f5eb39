package io.reach.campaigns.sms;

import io.reach.campaigns.templates.TemplateContent;
import io.reach.campaigns.templates.TemplateType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** An SMS campaign's body (with its template's declared variables) as checked template content. */
public final class SmsContent {

    private SmsContent() {}

    public static TemplateContent of(String body, @Nullable JsonNode variables) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("body", body);
        if (variables != null && variables.isObject()) {
            node.set("variables", variables);
        }
        return TemplateContent.check(TemplateType.SMS, node);
    }
}

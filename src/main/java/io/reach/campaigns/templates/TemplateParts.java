package io.reach.campaigns.templates;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A template's content as the API document shows it; {@link TemplateContent} checks it when a
 * template is saved (the parts its type needs, Mustache placeholders built in or declared).
 */
@Schema(
        name = "TemplateContent",
        description = "E-mail templates need subject and html (text is optional); SMS templates "
                + "need body. Placeholders ({{first_name}}) are built in (email, name, phone, unsubscribe_url, preferences_url) or declared under "
                + "variables")
record TemplateParts(
        @Schema(example = "Hello {{first_name}}") @Nullable String subject,

        @Schema(example = "<p>Hello {{first_name}}, spring is here.</p>") @Nullable
        String html,

        @Nullable String text,
        @Schema(description = "The SMS text") @Nullable String body,

        @Schema(
                description = "Declared placeholders: name → default, or null when each recipient must supply it",
                example = "{\"first_name\": \"there\", \"coupon\": null}")
        @Nullable
        Map<String, @Nullable String> variables) {}

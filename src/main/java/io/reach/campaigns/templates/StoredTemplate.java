package io.reach.campaigns.templates;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One version of a template ({@code campaigns.templates}); {@code templateId} names the template
 * across versions (its first version's id), {@code id} this version.
 */
public record StoredTemplate(
        UUID id,
        UUID templateId,
        String templateName,
        TemplateType templateType,
        JsonNode templateContent,
        UUID createdBy,
        boolean isActive,
        int version,
        @Nullable UUID parentTemplateId,
        boolean latest,
        Instant createdAt,
        Instant updatedAt) {

    @JsonIgnore
    public TemplateContent content() {
        return TemplateContent.check(templateType, templateContent);
    }

    /** The variables each recipient must supply. */
    List<String> requiredVariables() {
        return content().required();
    }
}

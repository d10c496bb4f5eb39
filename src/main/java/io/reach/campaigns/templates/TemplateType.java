package io.reach.campaigns.templates;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import io.reach.platform.web.Codes;

/** Mirrors the type check of {@code campaigns.templates}, with the content parts each type requires. */
@CheckSet(table = "campaigns.templates", column = "template_type")
@CheckSet(table = "campaigns.campaign_templates", column = "template_type")
public enum TemplateType {
    EMAIL,
    SMS,
    SOCIAL,
    WEB,
    PRINT;

    boolean requires(String part) {
        return switch (this) {
            case EMAIL -> part.equals("subject") || part.equals("html");
            case SMS -> part.equals("body");
            default -> false;
        };
    }

    @JsonValue
    String code() {
        return name().toLowerCase();
    }

    static TemplateType ofCode(String code) {
        return Codes.of(TemplateType.class, code, "template_type");
    }
}

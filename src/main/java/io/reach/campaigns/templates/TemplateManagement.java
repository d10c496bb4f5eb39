package io.reach.campaigns.templates;

import io.reach.campaigns.CampaignAuditing;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Templates and their versions: content is checked when saved, each edit stores version n+1 whose
 * parent is the version it replaces, and usage figures follow every save. Each use case is one
 * transaction and leaves an audit entry when it changes something.
 */
@Service
class TemplateManagement {

    private final Templates templates;
    private final TemplateUsage usage;
    private final CampaignAuditing audit;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    TemplateManagement(
            Templates templates,
            TemplateUsage usage,
            CampaignAuditing audit,
            TenantTransactions transactions,
            Ids ids,
            Clock clock) {
        this.templates = templates;
        this.usage = usage;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** How much one template is used: its figures (none before its first send) and each retailer's share. */
    record Usage(TemplateUsage.@Nullable Stats stats, List<TemplateUsage.RetailerUsage> retailers) {}

    /** Version 1 of a new template, active unless {@code active} says otherwise. */
    StoredTemplate create(UUID by, String name, String typeCode, JsonNode content, @Nullable Boolean active) {
        TemplateType type = TemplateType.ofCode(typeCode);
        TemplateContent.check(type, content);
        UUID id = ids.next();
        Instant now = clock.instant();
        StoredTemplate template =
                new StoredTemplate(id, id, name, type, content, by, active == null || active, 1, null, true, now, now);
        transactions.inTransaction(() -> {
            templates.insert(template);
            usage.touch(template, now);
            record("template.created", template);
        });
        return template;
    }

    /** Stores version n+1 of the template, keeping its name when none is given. */
    StoredTemplate edit(UUID by, UUID templateId, @Nullable String name, JsonNode content) {
        return transactions.inTransaction(() -> {
            StoredTemplate current = templates.latest(templateId);
            TemplateContent.check(current.templateType(), content);
            Instant now = clock.instant();
            StoredTemplate next = new StoredTemplate(
                    ids.next(),
                    templateId,
                    name == null ? current.templateName() : name,
                    current.templateType(),
                    content,
                    by,
                    current.isActive(),
                    current.version() + 1,
                    current.id(),
                    true,
                    now,
                    now);
            templates.supersede(current, next);
            usage.touch(next, now);
            record("template.edited", next);
            return next;
        });
    }

    /** Templates' latest versions, newest first; {@code name} (when given) keeps those whose name contains it. */
    List<StoredTemplate> page(UUID before, int limit, @Nullable TemplateType type, @Nullable String name) {
        String searched = name == null || name.isBlank() ? null : name.strip();
        return transactions.inTransaction(() -> templates.page(before, limit, type, searched));
    }

    List<TemplateUsage.Stats> top(String metric, int limit) {
        return transactions.inTransaction(() -> usage.top(metric, limit));
    }

    StoredTemplate latest(UUID templateId) {
        return transactions.inTransaction(() -> templates.latest(templateId));
    }

    List<StoredTemplate> versions(UUID templateId, @Nullable UUID after, int limit) {
        return transactions.inTransaction(() -> {
            templates.latest(templateId);
            return templates.versions(templateId, after, limit);
        });
    }

    StoredTemplate version(UUID templateId, int version) {
        return transactions.inTransaction(() -> templates.version(templateId, version));
    }

    /** Makes the template available for new campaigns, or not, without a new version. */
    StoredTemplate activate(UUID templateId, boolean active) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            templates.latest(templateId);
            templates.activate(templateId, active, now);
            StoredTemplate updated = templates.latest(templateId);
            usage.touch(updated, now);
            record(active ? "template.activated" : "template.deactivated", updated);
            return updated;
        });
    }

    /** Each part of the latest version rendered with {@code given}; declared defaults fill the rest. */
    Map<String, String> preview(UUID templateId, Map<String, String> given) {
        return render(latest(templateId).content(), given);
    }

    /**
     * Content not saved yet (the console's editor), checked as a save checks it and rendered as
     * {@link #preview} renders a saved version: HTML parts escape what they insert, as sending does.
     */
    Map<String, String> previewDraft(String typeCode, JsonNode content, Map<String, String> given) {
        return render(TemplateContent.check(TemplateType.ofCode(typeCode), content), given);
    }

    private static Map<String, String> render(TemplateContent content, Map<String, String> given) {
        Map<String, Object> values = Personalisation.values(content, given, Map.of());
        LinkedHashMap<String, String> parts = new LinkedHashMap<>();
        content.parts()
                .forEach((name, text) -> parts.put(
                        name, TemplateText.compile(text, name.equals("html")).execute(values)));
        return parts;
    }

    Usage usage(UUID templateId) {
        return transactions.inTransaction(() -> {
            templates.latest(templateId);
            return new Usage(usage.stats(templateId).orElse(null), usage.byRetailer(templateId));
        });
    }

    private void record(String action, StoredTemplate template) {
        audit.record(
                action,
                "template",
                template.templateId(),
                "campaigns.templates",
                Map.of(
                        "template_name",
                        template.templateName(),
                        "version",
                        template.version(),
                        "is_active",
                        template.isActive()));
    }
}

package io.reach.campaigns.templates;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Templates: each edit stores a new version (its parent the version edited), older versions stay
 * readable, and whatever was sent keeps the version it used. Content is checked when saved.
 */
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates")
@SecurityRequirement(name = "bearer")
class TemplateController {

    private final TemplateManagement templates;

    TemplateController(TemplateManagement templates) {
        this.templates = templates;
    }

    record TemplateRequest(
            @NotNull @Size(min = 1, max = 255) String templateName,
            @NotNull String templateType,

            @Schema(implementation = TemplateParts.class) @NotNull
            JsonNode templateContent,

            @Nullable Boolean isActive) {}

    record Edit(
            @Size(min = 1, max = 255) @Nullable String templateName,

            @Schema(implementation = TemplateParts.class) @NotNull
            JsonNode templateContent) {}

    record Activation(@NotNull Boolean isActive) {}

    record Preview(@Nullable Map<String, String> variables) {}

    record Rendered(Map<String, String> parts) {}

    record TemplateView(
            UUID id,
            UUID templateId,
            String templateName,
            TemplateType templateType,
            @Schema(implementation = TemplateParts.class) JsonNode templateContent,
            List<String> requiredVariables,
            UUID createdBy,
            boolean isActive,
            int version,
            @Nullable UUID parentTemplateId,
            boolean latest,
            Instant createdAt,
            Instant updatedAt) {

        static TemplateView of(StoredTemplate t) {
            return new TemplateView(
                    t.id(),
                    t.templateId(),
                    t.templateName(),
                    t.templateType(),
                    t.templateContent(),
                    t.requiredVariables(),
                    t.createdBy(),
                    t.isActive(),
                    t.version(),
                    t.parentTemplateId(),
                    t.latest(),
                    t.createdAt(),
                    t.updatedAt());
        }
    }

    record Usage(TemplateUsage.@Nullable Stats stats, List<TemplateUsage.RetailerUsage> retailers) {}

    @PostMapping
    @RequiresPermission(resource = "templates", action = "write")
    @Operation(summary = "Create a template (version 1); unknown placeholders and malformed parts are 400s")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<TemplateView> create(
            @SignedInMember UserPrincipal member, @Valid @RequestBody TemplateRequest request) {
        StoredTemplate template = templates.create(
                member.userId(),
                request.templateName(),
                request.templateType(),
                request.templateContent(),
                request.isActive());
        return ResponseEntity.created(URI.create("/api/v1/templates/" + template.templateId()))
                .body(TemplateView.of(template));
    }

    @PutMapping("/{templateId}")
    @RequiresPermission(resource = "templates", action = "write", idVariable = "templateId")
    @Operation(summary = "Edit a template: stores version n+1 with parent_template_id the version it replaces")
    TemplateView edit(
            @SignedInMember UserPrincipal member, @PathVariable UUID templateId, @Valid @RequestBody Edit request) {
        return TemplateView.of(
                templates.edit(member.userId(), templateId, request.templateName(), request.templateContent()));
    }

    @GetMapping
    @RequiresPermission(resource = "templates", action = "read")
    @Operation(
            summary = "Templates (their latest versions), newest first, optionally of one type, optionally those whose "
                    + "name contains name (any case)")
    CursorPage<TemplateView> list(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String name,
            PageRequest page) {
        TemplateType wanted = type == null ? null : TemplateType.ofCode(type);
        return CursorPage.of(
                        templates.page(page.beforeOrEnd(), page.fetchSize(), wanted, name),
                        page,
                        StoredTemplate::templateId)
                .map(TemplateView::of);
    }

    @GetMapping("/top")
    @RequiresPermission(resource = "templates", action = "read")
    @Operation(
            summary = "Used templates ranked by usage_count, unique_retailers_count, unique_recipients_count or "
                    + "conversion_rate, best first (one page of at most limit templates)")
    CursorPage<TemplateUsage.Stats> top(
            @RequestParam(defaultValue = "usage_count") String metric, @RequestParam(defaultValue = "10") int limit) {
        return CursorPage.whole(templates.top(metric, Math.clamp(limit, 1, 100)));
    }

    @GetMapping("/{templateId}")
    @RequiresPermission(resource = "templates", action = "read", idVariable = "templateId")
    @Operation(summary = "A template's latest version")
    TemplateView get(@PathVariable UUID templateId) {
        return TemplateView.of(templates.latest(templateId));
    }

    @GetMapping("/{templateId}/versions")
    @RequiresPermission(resource = "templates", action = "read", idVariable = "templateId")
    @Operation(summary = "Every version of a template, newest first, in pages")
    CursorPage<TemplateView> versions(@PathVariable UUID templateId, PageRequest page) {
        return CursorPage.of(
                        templates.versions(templateId, page.after().orElse(null), page.fetchSize()),
                        page,
                        StoredTemplate::id)
                .map(TemplateView::of);
    }

    @GetMapping("/{templateId}/versions/{version}")
    @RequiresPermission(resource = "templates", action = "read", idVariable = "templateId")
    @Operation(summary = "One version of a template")
    TemplateView version(@PathVariable UUID templateId, @PathVariable int version) {
        return TemplateView.of(templates.version(templateId, version));
    }

    @PostMapping("/{templateId}/active")
    @RequiresPermission(resource = "templates", action = "write", idVariable = "templateId")
    @Operation(
            operationId = "activateTemplate",
            summary = "Make a template available for new campaigns, or not (no new version)")
    TemplateView activate(@PathVariable UUID templateId, @Valid @RequestBody Activation request) {
        return TemplateView.of(templates.activate(templateId, request.isActive()));
    }

    @PostMapping("/{templateId}/preview")
    @RequiresPermission(resource = "templates", action = "read", idVariable = "templateId")
    @Operation(summary = "Render the latest version with sample variables (declared defaults fill the rest)")
    Rendered preview(@PathVariable UUID templateId, @Valid @RequestBody Preview request) {
        return new Rendered(
                templates.preview(templateId, request.variables() == null ? Map.of() : request.variables()));
    }

    @GetMapping("/{templateId}/usage")
    @RequiresPermission(resource = "templates", action = "read", idVariable = "templateId")
    @Operation(summary = "How much the template is used: campaigns, retailers, recipients reached, conversion rate")
    Usage usage(@PathVariable UUID templateId) {
        TemplateManagement.Usage figures = templates.usage(templateId);
        return new Usage(figures.stats(), figures.retailers());
    }
}

package io.reach.tenancy;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.console.PlatformAdministration;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's workspaces page (platform admins only): every workspace with its status, a form to
 * create one and invite its first owner by e-mail, and suspend or reactivate. The same
 * {@link TenantManagement} as the admin API, so the same rules and audit.
 */
@Controller
@ConsolePage
@Hidden
public class WorkspacesPage {

    /** What the page shows; the form's values and errors after a refusal, the workspace just created. */
    public record View(
            List<TenantSummary> workspaces,
            @Nullable String status,
            @Nullable String nextCursor,
            @Nullable String notice,
            Map<String, String> form,
            Map<String, String> errors) {}

    private static final Map<String, String> FIELDS =
            Map.of("name", "name", "slug", "slug", "ownerEmail", "owner_email");

    private final TenantManagement tenants;
    private final Validator validator;

    WorkspacesPage(TenantManagement tenants, Validator validator) {
        this.tenants = tenants;
        this.validator = validator;
    }

    @GetMapping("/app/admin/workspaces")
    String list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID created,
            Model model) {
        PlatformAdministration.requirePlatformAdmin();
        return page(model, cursor, status, created == null ? null : noticeOf(tenants.get(created)), Map.of(), Map.of());
    }

    private static String noticeOf(TenantDetails created) {
        return created.ownerId() != null
                ? "Workspace " + created.name() + " created with its owner."
                : "Workspace " + created.name()
                        + " created. An owner named by e-mail joins on accepting the invitation mailed to them.";
    }

    @PostMapping(path = "/app/admin/workspaces", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String create(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String slug,
            @RequestParam(name = "owner_email", required = false) @Nullable String ownerEmail,
            Model model,
            HttpServletResponse response) {
        PlatformAdministration.requirePlatformAdmin();
        CreateTenant command = new CreateTenant(
                name == null ? "" : name, blankAsNull(slug), null, null, null, null, blankAsNull(ownerEmail));
        Map<String, String> errors = new LinkedHashMap<>();
        validator
                .validate(command)
                .forEach(violation -> errors.merge(
                        FIELDS.getOrDefault(violation.getPropertyPath().toString(), "name"),
                        violation.getMessage(),
                        (a, b) -> a + "; " + b));
        if (errors.isEmpty()) {
            try {
                return "redirect:/app/admin/workspaces?created="
                        + tenants.create(command).id();
            } catch (InvalidRequestException invalid) {
                invalid.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
            } catch (TenantStateConflict taken) {
                errors.put("slug", taken.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name == null ? "" : name);
        form.put("slug", slug == null ? "" : slug);
        form.put("owner_email", ownerEmail == null ? "" : ownerEmail);
        return page(model, null, null, null, form, errors);
    }

    @PostMapping("/app/admin/workspaces/{id}/suspend")
    String suspend(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason) {
        PlatformAdministration.requirePlatformAdmin();
        tenants.suspend(
                id, reason == null || reason.isBlank() ? "Suspended by the platform administrator" : reason.strip());
        return "redirect:/app/admin/workspaces";
    }

    @PostMapping("/app/admin/workspaces/{id}/reactivate")
    String reactivate(@PathVariable UUID id) {
        PlatformAdministration.requirePlatformAdmin();
        tenants.reactivate(id);
        return "redirect:/app/admin/workspaces";
    }

    private String page(
            Model model,
            @Nullable String cursor,
            @Nullable String status,
            @Nullable String notice,
            Map<String, String> form,
            Map<String, String> errors) {
        TenantStatus filter = status == null || status.isBlank() ? null : TenantAdminController.statusOf(status);
        CursorPage<TenantSummary> page = tenants.list(PageRequest.of(PageRequest.DEFAULT_LIMIT, cursor), filter);
        model.addAttribute(
                "view",
                new View(page.items(), filter == null ? null : filter.code(), page.nextCursor(), notice, form, errors));
        return "admin/workspaces";
    }

    private static @Nullable String blankAsNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package io.reach.tenancy;

import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's workspace profile: its name and the settings Reach reads (time zone, IP handling,
 * retention, approvals, overspend), changed through the same {@link TenantManagement#mergeSettings}
 * as {@code PATCH /api/v1/tenant/settings}, so the same checks and audit. The name is the platform
 * administrator's to change, as in the API.
 */
@Controller
@ConsolePage
@Hidden
public class WorkspaceSettingsPage {

    private static final String PATH = "/app/settings/workspace";

    /** What the form shows: the stored values, or what was typed into a refused form. */
    public record View(
            String name,
            String slug,
            String timeZone,
            String ipHandling,
            String retentionDays,
            boolean requirePostApproval,
            boolean allowBudgetOverspend,
            List<String> ipModes,
            Map<String, String> errors,
            boolean saved) {}

    private final TenantManagement tenants;

    WorkspaceSettingsPage(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @GetMapping(PATH)
    @RequiresPermission(resource = "tenant", action = "read")
    String show(@RequestParam(required = false) @Nullable String saved, Model model) {
        TenantDetails tenant = tenants.get(current().value());
        Map<String, Object> settings = tenant.settings();
        model.addAttribute(
                "view",
                view(
                        tenant,
                        text(settings.get("time_zone")),
                        text(settings.get("ip_handling")),
                        text(settings.get("retention_days")),
                        Boolean.TRUE.equals(settings.get("require_post_approval")),
                        Boolean.TRUE.equals(settings.get("allow_budget_overspend")),
                        Map.of(),
                        saved != null));
        return "settings/workspace";
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @RequiresPermission(resource = "tenant", action = "write")
    String save(
            @RequestParam(name = "time_zone", required = false) @Nullable String timeZone,
            @RequestParam(name = "ip_handling", required = false) @Nullable String ipHandling,
            @RequestParam(name = "retention_days", required = false) @Nullable String retentionDays,
            @RequestParam(name = "require_post_approval", required = false) @Nullable String requirePostApproval,
            @RequestParam(name = "allow_budget_overspend", required = false) @Nullable String allowBudgetOverspend,
            Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, @Nullable Object> patch = new LinkedHashMap<>();
        patch.put("time_zone", blankToNull(timeZone));
        patch.put("ip_handling", blankToNull(ipHandling));
        patch.put("require_post_approval", requirePostApproval != null);
        patch.put("allow_budget_overspend", allowBudgetOverspend != null);
        String days = blankToNull(retentionDays);
        try {
            patch.put("retention_days", days == null ? null : Integer.valueOf(days));
        } catch (NumberFormatException notANumber) {
            errors.put("retention_days", "must be a whole number of days");
        }
        TenantId tenant = current();
        if (errors.isEmpty()) {
            try {
                tenants.mergeSettings(tenant.value(), patch);
                return "redirect:" + PATH + "?saved";
            } catch (InvalidRequestException invalid) {
                invalid.errors()
                        .forEach(error -> errors.put(error.field().replaceFirst("^settings\\.", ""), error.message()));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute(
                "view",
                view(
                        tenants.get(tenant.value()),
                        text(timeZone),
                        text(ipHandling),
                        text(retentionDays),
                        requirePostApproval != null,
                        allowBudgetOverspend != null,
                        errors,
                        false));
        return "settings/workspace";
    }

    private static View view(
            TenantDetails tenant,
            String timeZone,
            String ipHandling,
            String retentionDays,
            boolean approval,
            boolean overspend,
            Map<String, String> errors,
            boolean saved) {
        return new View(
                tenant.name(),
                tenant.slug(),
                timeZone,
                ipHandling,
                retentionDays,
                approval,
                overspend,
                TenantSettingsRules.IP_HANDLING.stream().sorted().toList(),
                errors,
                saved);
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : Objects.toString(value);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static TenantId current() {
        return TenantContext.current().filter(id -> !id.isPlatform()).orElseThrow(TenantNotFound::ofTheseCredentials);
    }
}

package io.reach.tenancy;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own workspace settings: everyone in the workspace reads them, owners and admins
 * ({@code tenant:write}) change them. PATCH merges, PUT replaces the whole object; both are
 * checked and audited like the platform admin's changes.
 */
@RestController
@Tag(name = "Tenant")
@SecurityRequirement(name = "bearer")
class TenantSettingsController {

    private static final String SETTINGS = "/api/v1/tenant/settings";

    private final TenantManagement tenants;

    TenantSettingsController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @GetMapping(SETTINGS)
    @RequiresPermission(resource = "tenant", action = "read")
    @Operation(
            summary = "The workspace's settings (time_zone, ip_handling, retention_days, require_post_approval, "
                    + "allow_budget_overspend, and any other keys stored)")
    @ApiResponse(
            responseCode = "200",
            description = "The settings",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WorkspaceSettings.class)))
    Map<String, Object> get() {
        return tenants.get(current().value()).settings();
    }

    @PatchMapping(SETTINGS)
    @RequiresPermission(resource = "tenant", action = "write")
    @Operation(
            summary = "Change some settings (JSON merge patch: keys given replace, a null removes, others stay)",
            description = "time_zone: an IANA zone; ip_handling: truncate, hash or full; retention_days: 1 to 3650; "
                    + "require_post_approval, allow_budget_overspend: booleans")
    @ApiResponse(
            responseCode = "200",
            description = "The settings",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WorkspaceSettings.class)))
    Map<String, Object> patch(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = WorkspaceSettings.class)))
                    @RequestBody
                    Map<String, @Nullable Object> patch) {
        return tenants.mergeSettings(current().value(), patch).settings();
    }

    @PutMapping(SETTINGS)
    @RequiresPermission(resource = "tenant", action = "write")
    @Operation(summary = "Replace all settings with the object given (keys left out are removed)")
    @ApiResponse(
            responseCode = "200",
            description = "The settings",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WorkspaceSettings.class)))
    Map<String, Object> replace(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = WorkspaceSettings.class)))
                    @RequestBody
                    Map<String, Object> settings) {
        return tenants.replaceSettings(current().value(), settings).settings();
    }

    private static TenantId current() {
        return TenantContext.current().filter(id -> !id.isPlatform()).orElseThrow(TenantNotFound::ofTheseCredentials);
    }
}

package io.reach.tenancy;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The platform administrator's tenant API. */
@RestController
@RequestMapping("/api/v1/admin/tenants")
@Tag(name = "Tenants (platform admin)")
@SecurityRequirement(name = "bearer")
class TenantAdminController {

    static final int MAX_SETTINGS_BYTES = 64 * 1024;

    private final TenantManagement tenants;
    private final QuotaEnforcement quotas;
    private final JsonMapper json;

    TenantAdminController(TenantManagement tenants, QuotaEnforcement quotas, JsonMapper json) {
        this.tenants = tenants;
        this.quotas = quotas;
        this.json = json;
    }

    @PostMapping
    @Operation(summary = "Create a tenant", description = "Accepts an Idempotency-Key header.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new tenant")
    ResponseEntity<TenantDetails> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = "application/json", examples = @ExampleObject("""
                    {"name": "Acme Agency", "slug": "acme-agency", "owner_email": "owner@acme.example"}""")))
                    @Valid
                    @RequestBody
                    CreateTenant command) {
        if (command.settings() != null) {
            checkSettingsSize(command.settings());
        }
        TenantDetails created = tenants.create(command);
        return ResponseEntity.created(URI.create("/api/v1/admin/tenants/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "List tenants, oldest first")
    CursorPage<TenantSummary> list(PageRequest page, @RequestParam(required = false) @Nullable String status) {
        return tenants.list(page, status == null ? null : statusOf(status));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a tenant with its settings, quotas and white label")
    TenantDetails get(@PathVariable UUID id) {
        return tenants.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a tenant or change its owner")
    TenantDetails update(@PathVariable UUID id, @Valid @RequestBody UpdateTenant update) {
        TenantDetails details = update.name() != null ? tenants.rename(id, update.name()) : tenants.get(id);
        return update.ownerId() != null ? tenants.assignOwner(id, update.ownerId()) : details;
    }

    @PostMapping("/{id}/owner")
    @Operation(
            operationId = "nameTenantOwner",
            summary =
                    "Name the workspace's owner by e-mail: that account becomes an owner member (200), or the "
                            + "address is mailed an owner invitation (202); accepting it, or signing up with its token, joins this workspace")
    @ApiResponse(responseCode = "200", description = "The account was made an owner member")
    @ApiResponse(responseCode = "202", description = "The address was invited as owner")
    ResponseEntity<TenantDetails> nameOwner(@PathVariable UUID id, @Valid @RequestBody NameOwner request) {
        TenantManagement.OwnerNamed named = tenants.nameOwner(id, request.email());
        return ResponseEntity.status(named.invited() ? 202 : 200).body(named.tenant());
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend a tenant: its users and keys are refused until it is reactivated")
    TenantDetails suspend(
            @PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable SuspendTenant request) {
        String reason =
                request == null || request.reason() == null || request.reason().isBlank()
                        ? "Suspended by the platform administrator"
                        : request.reason();
        return tenants.suspend(id, reason);
    }

    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Reactivate a suspended tenant")
    TenantDetails reactivate(@PathVariable UUID id) {
        return tenants.reactivate(id);
    }

    @PutMapping("/{id}/settings")
    @Operation(summary = "Replace a tenant's settings (a JSON object)")
    TenantDetails replaceSettings(@PathVariable UUID id, @RequestBody Map<String, Object> settings) {
        checkSettingsSize(settings);
        return tenants.replaceSettings(id, settings);
    }

    @PutMapping("/{id}/quotas")
    @Operation(summary = "Replace a tenant's quotas; a missing or null limit means unlimited")
    TenantDetails replaceQuotas(@PathVariable UUID id, @Valid @RequestBody TenantQuotas quotas) {
        return tenants.replaceQuotas(id, quotas);
    }

    @GetMapping("/{id}/quotas")
    @Operation(summary = "A tenant's quotas with what is used and remains (monthly ones in the current UTC month)")
    QuotaUsage.OfTenant quotaUsage(@PathVariable UUID id) {
        return quotas.usage(TenantId.of(id));
    }

    @PutMapping("/{id}/white-label")
    @Operation(summary = "Replace a tenant's white label and custom domain")
    TenantDetails replaceWhiteLabel(@PathVariable UUID id, @Valid @RequestBody WhiteLabel whiteLabel) {
        return tenants.replaceWhiteLabel(id, whiteLabel);
    }

    static TenantStatus statusOf(String code) {
        try {
            return TenantStatus.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(new FieldError("status", "must be one of active, suspended"));
        }
    }

    private void checkSettingsSize(Map<String, Object> settings) {
        if (json.writeValueAsBytes(settings).length > MAX_SETTINGS_BYTES) {
            throw new InvalidRequestException(
                    new FieldError("settings", "must be at most " + MAX_SETTINGS_BYTES + " bytes of JSON"));
        }
    }

    record UpdateTenant(
            @Size(min = 1, max = 200, message = "must be 1 to 200 characters, not blank") @Nullable
            String name,

            @Nullable UUID ownerId) {

        UpdateTenant {
            name = name == null ? null : name.strip();
        }
    }

    record NameOwner(
            @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254)
            String email) {}

    record SuspendTenant(@Size(max = 1000) @Nullable String reason) {}
}

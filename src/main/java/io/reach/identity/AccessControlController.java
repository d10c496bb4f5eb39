package io.reach.identity;

import io.reach.identity.access.AccessPolicies;
import io.reach.identity.access.Roles;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A workspace's members, roles (built-in and custom) and attribute-based access policies. */
@RestController
@Tag(name = "Access control")
@SecurityRequirement(name = "bearer")
class AccessControlController {

    private final AccessControl accessControl;

    AccessControlController(AccessControl accessControl) {
        this.accessControl = accessControl;
    }

    record ChangeMember(
            @NotBlank @Pattern(regexp = "[a-z0-9_-]{1,64}") String role,

            @Pattern(regexp = "brand|retailer|admin|member") @Nullable
            String userType) {}

    record CreateRole(
            @NotBlank @Pattern(regexp = "[a-z0-9_-]{1,64}") String name,
            @Size(max = 500) @Nullable String description,
            @NotNull @Size(max = 100) List<@Pattern(regexp = "[a-z][a-z_]{0,63}:(read|write)") String> permissions) {}

    record CreatePolicy(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 1000) @Nullable String description,
            @NotNull JsonNode policyDefinition,
            @Nullable Boolean enabled) {}

    @GetMapping("/api/v1/members")
    @RequiresPermission(resource = "members", action = "read")
    @Operation(summary = "The workspace's members")
    CursorPage<Memberships.Member> members(PageRequest page) {
        return accessControl.members(page);
    }

    @PatchMapping("/api/v1/members/{id}")
    @RequiresPermission(resource = "members", action = "write", idVariable = "id")
    @Operation(summary = "Change a member's role (a built-in or custom role of this workspace)")
    Memberships.Member changeMember(
            @AuthenticationPrincipal @Nullable Object principal,
            @PathVariable UUID id,
            @Valid @RequestBody ChangeMember change,
            HttpServletRequest http) {
        return accessControl.changeMember(
                principal,
                id,
                change.role(),
                change.userType() == null ? null : UserType.ofCode(change.userType()),
                RequestOrigins.of(http));
    }

    @GetMapping("/api/v1/roles")
    @RequiresPermission(resource = "roles", action = "read")
    @Operation(summary = "The workspace's roles with their permissions, built-in first, then by name (one page)")
    CursorPage<Roles.RoleView> roles() {
        return CursorPage.whole(accessControl.roles());
    }

    @GetMapping("/api/v1/permissions")
    @RequiresPermission(resource = "roles", action = "read")
    @Operation(summary = "The permission catalog by resource and action (one page)")
    CursorPage<Roles.Permission> permissions() {
        return CursorPage.whole(accessControl.permissions());
    }

    @PostMapping("/api/v1/roles")
    @RequiresPermission(resource = "roles", action = "write")
    @Operation(summary = "Create a custom role")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<Roles.RoleView> createRole(
            @AuthenticationPrincipal @Nullable Object principal,
            @Valid @RequestBody CreateRole request,
            HttpServletRequest http) {
        Roles.RoleView created = accessControl.createRole(
                principal, request.name(), request.description(), request.permissions(), RequestOrigins.of(http));
        return ResponseEntity.created(URI.create("/api/v1/roles/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/api/v1/roles/{id}")
    @RequiresPermission(resource = "roles", action = "write", idVariable = "id")
    @Operation(summary = "Delete a custom role (built-in roles stay)")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> deleteRole(
            @AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id, HttpServletRequest http) {
        accessControl.deleteRole(principal, id, RequestOrigins.of(http));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/access-policies")
    @RequiresPermission(resource = "policies", action = "read")
    @Operation(summary = "The workspace's attribute-based access policies, oldest first")
    CursorPage<AccessPolicies.PolicyView> listPolicies(PageRequest page) {
        return accessControl.policies(page);
    }

    @PostMapping("/api/v1/access-policies")
    @RequiresPermission(resource = "policies", action = "write")
    @Operation(summary = "Add an access policy (see AccessPolicy for the language; deny overrides)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<AccessPolicies.PolicyView> createPolicy(
            @AuthenticationPrincipal @Nullable Object principal,
            @Valid @RequestBody CreatePolicy request,
            HttpServletRequest http) {
        AccessPolicies.PolicyView created = accessControl.createPolicy(
                principal,
                request.name(),
                request.description(),
                request.policyDefinition(),
                request.enabled() == null || request.enabled(),
                RequestOrigins.of(http));
        return ResponseEntity.created(URI.create("/api/v1/access-policies/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/api/v1/access-policies/{id}")
    @RequiresPermission(resource = "policies", action = "write", idVariable = "id")
    @Operation(summary = "Remove an access policy")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> deletePolicy(
            @AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id, HttpServletRequest http) {
        accessControl.deletePolicy(principal, id, RequestOrigins.of(http));
        return ResponseEntity.noContent().build();
    }
}

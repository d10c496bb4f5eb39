package io.reach.identity;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reach.audit.AuditTrail;
import io.reach.identity.access.AccessPolicies;
import io.reach.identity.access.AccessPolicy;
import io.reach.identity.access.Delegation;
import io.reach.identity.access.Roles;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** A workspace's members, roles (built-in and custom) and attribute-based access policies. */
@RestController
@Tag(name = "Access control")
@SecurityRequirement(name = "bearer")
class AccessControlController {

    private final Memberships memberships;
    private final Roles roles;
    private final AccessPolicies policies;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final Delegation delegation;

    AccessControlController(Delegation delegation, Memberships memberships, Roles roles, AccessPolicies policies,
            AuditTrail audit, TenantTransactions transactions, Clock clock) {
        this.delegation = delegation;
        this.memberships = memberships;
        this.roles = roles;
        this.policies = policies;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record ChangeMember(@NotBlank @Pattern(regexp = "[a-z0-9_-]{1,64}") String role,
            @Pattern(regexp = "brand|retailer|admin|member") @Nullable String userType) {
    }

    record CreateRole(@NotBlank @Pattern(regexp = "[a-z0-9_-]{1,64}") String name, @Size(max = 500) @Nullable String description,
            @NotNull @Size(max = 100) List<@Pattern(regexp = "[a-z][a-z_]{0,63}:(read|write)") String> permissions) {
    }

    record CreatePolicy(@NotBlank @Size(max = 200) String name, @Size(max = 1000) @Nullable String description,
            @NotNull JsonNode policyDefinition, @Nullable Boolean enabled) {
    }

    @GetMapping("/api/v1/members")
    @RequiresPermission(resource = "members", action = "read")
    @Operation(summary = "The workspace's members")
    CursorPage<Memberships.Member> members(@RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return transactions.inTransaction(() -> CursorPage.of(memberships.inTenant(page.afterOrStart(), page.fetchSize()),
                page, Memberships.Member::id));
    }

    @PatchMapping("/api/v1/members/{id}")
    @RequiresPermission(resource = "members", action = "write", idVariable = "id")
    @Operation(summary = "Change a member's role (a built-in or custom role of this workspace)")
    Memberships.Member changeMember(@AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id,
            @Valid @RequestBody ChangeMember change, HttpServletRequest http) {
        return transactions.inTransaction(() -> {
            Memberships.Member before = memberships.findInTenant(id).orElseThrow(() -> new NotFoundException("Member", id));
            roles.findByName(change.role()).orElseThrow(() -> new InvalidRequestException(
                    new FieldError("role", "is not a role of this workspace")));
            if (before.role().equals(Roles.OWNER)) {
                throw new ConflictException("Owner role", "The owner's role does not change here");
            }
            if (before.userId().equals(Actors.userOf(principal))) {
                throw new ConflictException("Own role", "Nobody changes their own role");
            }
            delegation.requireMayGiveRole(principal, change.role());
            memberships.setRole(id, change.role(), change.userType() == null ? null : UserType.ofCode(change.userType()),
                    clock.instant());
            audit.record(TenantContext.require(), Actors.act(principal, "member.role_changed")
                    .on("member", id, "identity.memberships")
                    .changed(Map.of("role", before.role()), Map.of("role", change.role()))
                    .from(RequestOrigins.of(http)));
            return memberships.findInTenant(id).orElseThrow();
        });
    }

    @GetMapping("/api/v1/roles")
    @RequiresPermission(resource = "roles", action = "read")
    @Operation(summary = "The workspace's roles with their permissions, built-in first, then by name (one page)")
    CursorPage<Roles.RoleView> roles() {
        return CursorPage.whole(transactions.inTransaction(roles::list));
    }

    @GetMapping("/api/v1/permissions")
    @RequiresPermission(resource = "roles", action = "read")
    @Operation(summary = "The permission catalog by resource and action (one page)")
    CursorPage<Roles.Permission> permissions() {
        return CursorPage.whole(transactions.inTransaction(roles::catalog));
    }

    @PostMapping("/api/v1/roles")
    @RequiresPermission(resource = "roles", action = "write")
    @Operation(summary = "Create a custom role")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<Roles.RoleView> createRole(@AuthenticationPrincipal @Nullable Object principal,
            @Valid @RequestBody CreateRole request, HttpServletRequest http) {
        return transactions.inTransaction(() -> {
            delegation.requireWithin(principal, request.permissions());
            if (roles.findByName(request.name()).isPresent()) {
                throw new ConflictException("Role exists", "This workspace already has a role named " + request.name());
            }
            UUID id = roles.create(request.name(), request.description(), false, request.permissions(), clock.instant());
            audit.record(TenantContext.require(), Actors.act(principal, "role.created")
                    .on("role", id, "identity.roles")
                    .values(Map.of("name", request.name(), "permissions", request.permissions()))
                    .from(RequestOrigins.of(http)));
            Roles.RoleView created = roles.list().stream().filter(role -> role.id().equals(id)).findFirst().orElseThrow();
            return ResponseEntity.created(URI.create("/api/v1/roles/" + id)).body(created);
        });
    }

    @DeleteMapping("/api/v1/roles/{id}")
    @RequiresPermission(resource = "roles", action = "write", idVariable = "id")
    @Operation(summary = "Delete a custom role (built-in roles stay)")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> deleteRole(@AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id,
            HttpServletRequest http) {
        transactions.inTransaction(() -> {
            if (!roles.deleteCustom(id)) {
                throw new NotFoundException("Custom role", id);
            }
            recordRemoval(principal, "role.deleted", "role", id, "identity.roles", http);
        });
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/access-policies")
    @RequiresPermission(resource = "policies", action = "read")
    @Operation(summary = "The workspace's attribute-based access policies, oldest first")
    CursorPage<AccessPolicies.PolicyView> listPolicies(@RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return transactions.inTransaction(() -> CursorPage.of(policies.page(page.afterOrStart(), page.fetchSize()), page,
                AccessPolicies.PolicyView::id));
    }

    @PostMapping("/api/v1/access-policies")
    @RequiresPermission(resource = "policies", action = "write")
    @Operation(summary = "Add an access policy (see AccessPolicy for the language; deny overrides)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<AccessPolicies.PolicyView> createPolicy(@AuthenticationPrincipal @Nullable Object principal,
            @Valid @RequestBody CreatePolicy request, HttpServletRequest http) {
        List<String> problems = request.policyDefinition().isObject() ? AccessPolicy.problems(request.policyDefinition())
                : List.of("must be a JSON object");
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream().map(p -> new FieldError("policy_definition", p))
                    .toArray(FieldError[]::new));
        }
        return transactions.inTransaction(() -> {
            UUID id = policies.create(request.name(), request.description(), request.policyDefinition(),
                    request.enabled() == null || request.enabled(), clock.instant());
            audit.record(TenantContext.require(), Actors.act(principal, "policy.created")
                    .on("policy", id, "identity.access_control_policies").values(Map.of("name", request.name()))
                    .from(RequestOrigins.of(http)));
            var created = policies.find(id).orElseThrow();
            return ResponseEntity.created(URI.create("/api/v1/access-policies/" + id)).body(created);
        });
    }

    @DeleteMapping("/api/v1/access-policies/{id}")
    @RequiresPermission(resource = "policies", action = "write", idVariable = "id")
    @Operation(summary = "Remove an access policy")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> deletePolicy(@AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id,
            HttpServletRequest http) {
        transactions.inTransaction(() -> {
            if (!policies.delete(id)) {
                throw new NotFoundException("Access policy", id);
            }
            recordRemoval(principal, "policy.deleted", "policy", id, "identity.access_control_policies", http);
        });
        return ResponseEntity.noContent().build();
    }

    private void recordRemoval(@Nullable Object principal, String action, String type, UUID id, String table,
            HttpServletRequest http) {
        audit.record(TenantContext.require(), Actors.act(principal, action).on(type, id, table)
                .from(RequestOrigins.of(http)));
    }
}

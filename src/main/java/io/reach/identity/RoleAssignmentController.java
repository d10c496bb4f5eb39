package io.reach.identity;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reach.audit.AuditTrail;
import io.reach.identity.access.AccessPolicies;
import io.reach.identity.access.Delegation;
import io.reach.identity.access.Roles;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.NotFoundException;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Roles held besides a member's own, and who owns which resource (what ownership policies test). */
@RestController
@org.springframework.validation.annotation.Validated
@Tag(name = "Access control")
@SecurityRequirement(name = "bearer")
class RoleAssignmentController {

    private final Roles roles;
    private final Memberships memberships;
    private final AccessPolicies policies;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final Delegation delegation;
    private final Ownables ownables;

    RoleAssignmentController(Delegation delegation, Roles roles, Memberships memberships, AccessPolicies policies, AuditTrail audit,
            TenantTransactions transactions, Clock clock, Ownables ownables) {
        this.delegation = delegation;
        this.ownables = ownables;
        this.roles = roles;
        this.memberships = memberships;
        this.policies = policies;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record AssignRole(@NotNull UUID userId, @NotNull @Pattern(regexp = "[a-z0-9_-]{1,64}") String role) {
    }

    record Ownership(@NotNull @Pattern(regexp = "[a-z][a-z_]{0,63}") String resourceType, @NotNull UUID resourceId,
            @NotNull UUID ownerId) {
    }

    @GetMapping("/api/v1/user-roles")
    @RequiresPermission(resource = "roles", action = "read")
    @Operation(summary = "Extra roles given to members (optionally of one user), oldest first")
    CursorPage<Roles.Assignment> assignments(@RequestParam(name = "user_id", required = false) @Nullable UUID userId,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return transactions.inTransaction(() -> CursorPage.of(roles.assignments(userId, page.after().orElse(null),
                page.fetchSize()), page, Roles::keyOf));
    }

    @PostMapping("/api/v1/user-roles")
    @RequiresPermission(resource = "roles", action = "write")
    @Operation(summary = "Give a member an extra role (the answer is the assignment)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<Roles.Assignment> assign(@AuthenticationPrincipal @Nullable Object principal,
            @Valid @RequestBody AssignRole request, HttpServletRequest http) {
        return transactions.inTransaction(() -> {
            requireMember(request.userId());
            if (request.userId().equals(Actors.userOf(principal))) {
                throw new ConflictException("Own role", "Nobody gives themselves roles");
            }
            delegation.requireMayGiveRole(principal, request.role());
            UUID roleId = roles.findByName(request.role()).orElseThrow(() -> new NotFoundException("Role", request.role()));
            roles.assign(request.userId(), roleId, Actors.userOf(principal), clock.instant());
            audit.record(TenantContext.require(), Actors.act(principal, "user_role.assigned")
                    .on("user_role", request.userId() + ":" + roleId, "identity.user_roles")
                    .values(Map.of("user_id", request.userId().toString(), "role", request.role()))
                    .from(RequestOrigins.of(http)));
            return ResponseEntity.status(HttpStatus.CREATED).body(roles.assignment(request.userId(), roleId));
        });
    }

    @DeleteMapping("/api/v1/user-roles/{userId}/{roleId}")
    @RequiresPermission(resource = "roles", action = "write")
    @Operation(summary = "Take an extra role away")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> unassign(@AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID userId,
            @PathVariable UUID roleId, HttpServletRequest http) {
        transactions.inTransaction(() -> {
            if (!roles.unassign(userId, roleId)) {
                throw new NotFoundException("Role assignment", userId + "/" + roleId);
            }
            audit.record(TenantContext.require(), Actors.act(principal, "user_role.unassigned")
                    .on("user_role", userId + ":" + roleId, "identity.user_roles").from(RequestOrigins.of(http)));
        });
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/resource-ownership")
    @RequiresPermission(resource = "roles", action = "read")
    @Operation(summary = "Who owns a resource")
    Ownership owner(@RequestParam(name = "resource_type") @Pattern(regexp = "[a-z][a-z_]{0,63}") String resourceType,
            @RequestParam(name = "resource_id") UUID resourceId) {
        UUID owner = transactions.inTransaction(() -> policies.ownerOf(resourceType, resourceId))
                .orElseThrow(() -> new NotFoundException("Ownership of " + resourceType, resourceId));
        return new Ownership(resourceType, resourceId, owner);
    }

    @PutMapping("/api/v1/resource-ownership")
    @RequiresPermission(resource = "roles", action = "write")
    @Operation(summary = "Make a member the owner of one of the workspace's objects (an unknown or another workspace's id is 404)")
    Ownership setOwner(@AuthenticationPrincipal @Nullable Object principal, @Valid @RequestBody Ownership ownership,
            HttpServletRequest http) {
        transactions.inTransaction(() -> {
            ownables.requireExisting(ownership.resourceType(), ownership.resourceId());
            requireMember(ownership.ownerId());
            policies.setOwner(ownership.resourceType(), ownership.resourceId(), ownership.ownerId(), clock.instant());
            audit.record(TenantContext.require(), Actors.act(principal, "resource.owner_set")
                    .on(ownership.resourceType(), ownership.resourceId(), "identity.resource_ownership")
                    .values(Map.of("owner_id", ownership.ownerId().toString())).from(RequestOrigins.of(http)));
        });
        return ownership;
    }

    private void requireMember(UUID userId) {
        if (!memberships.isMember(userId)) {
            throw new NotFoundException("Member", userId);
        }
    }
}

package io.reach.identity;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
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

/** Roles held besides a member's own, and who owns which resource (what ownership policies test). */
@RestController
@org.springframework.validation.annotation.Validated
@Tag(name = "Access control")
@SecurityRequirement(name = "bearer")
class RoleAssignmentController {

    private final RoleAssignments assignments;

    RoleAssignmentController(RoleAssignments assignments) {
        this.assignments = assignments;
    }

    record AssignRole(
            @NotNull UUID userId,
            @NotNull @Pattern(regexp = "[a-z0-9_-]{1,64}") String role) {}

    record Ownership(
            @NotNull @Pattern(regexp = "[a-z][a-z_]{0,63}") String resourceType,
            @NotNull UUID resourceId,
            @NotNull UUID ownerId) {}

    @GetMapping("/api/v1/user-roles")
    @RequiresPermission(resource = "roles", action = "read")
    @Operation(summary = "Extra roles given to members (optionally of one user), oldest first")
    CursorPage<Roles.Assignment> assignments(
            @RequestParam(name = "user_id", required = false) @Nullable UUID userId, PageRequest page) {
        return assignments.assignments(userId, page);
    }

    @PostMapping("/api/v1/user-roles")
    @RequiresPermission(resource = "roles", action = "write")
    @Operation(summary = "Give a member an extra role (the answer is the assignment)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<Roles.Assignment> assign(
            @AuthenticationPrincipal @Nullable Object principal,
            @Valid @RequestBody AssignRole request,
            HttpServletRequest http) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(assignments.assign(principal, request.userId(), request.role(), RequestOrigins.of(http)));
    }

    @DeleteMapping("/api/v1/user-roles/{userId}/{roleId}")
    @RequiresPermission(resource = "roles", action = "write")
    @Operation(summary = "Take an extra role away")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> unassign(
            @AuthenticationPrincipal @Nullable Object principal,
            @PathVariable UUID userId,
            @PathVariable UUID roleId,
            HttpServletRequest http) {
        assignments.unassign(principal, userId, roleId, RequestOrigins.of(http));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/resource-ownership")
    @RequiresPermission(resource = "roles", action = "read")
    @Operation(summary = "Who owns a resource")
    Ownership owner(
            @RequestParam(name = "resource_type") @Pattern(regexp = "[a-z][a-z_]{0,63}") String resourceType,
            @RequestParam(name = "resource_id") UUID resourceId) {
        return new Ownership(resourceType, resourceId, assignments.ownerOf(resourceType, resourceId));
    }

    @PutMapping("/api/v1/resource-ownership")
    @RequiresPermission(resource = "roles", action = "write")
    @Operation(
            summary =
                    "Make a member the owner of one of the workspace's objects (an unknown or another workspace's id is 404)")
    Ownership setOwner(
            @AuthenticationPrincipal @Nullable Object principal,
            @Valid @RequestBody Ownership ownership,
            HttpServletRequest http) {
        assignments.setOwner(
                principal,
                ownership.resourceType(),
                ownership.resourceId(),
                ownership.ownerId(),
                RequestOrigins.of(http));
        return ownership;
    }
}

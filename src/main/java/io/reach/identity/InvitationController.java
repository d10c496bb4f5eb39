package io.reach.identity;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Inviting people into a workspace, and accepting an invitation. */
@RestController
@Tag(name = "Invitations")
class InvitationController {

    private final Inviting inviting;

    InvitationController(Inviting inviting) {
        this.inviting = inviting;
    }

    record Invite(
            @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254)
            String email,

            @NotBlank @Pattern(regexp = "[a-z0-9_-]{1,64}") String role,

            @Pattern(regexp = "brand|retailer|admin|member") @Nullable
            String userType) {}

    record Accept(
            @NotBlank @Size(max = 200) String token,
            @Size(max = 1024) @Nullable String password,
            @Size(max = 200) @Nullable String name) {}

    @PostMapping("/api/v1/invitations")
    @RequiresPermission(resource = "members", action = "write")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Invite someone by e-mail with a role; the invitation is mailed")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
    ResponseEntity<Invitations.Invitation> invite(
            @SignedInMember UserPrincipal member, @Valid @RequestBody Invite request, HttpServletRequest http) {
        Invitations.Invitation created = inviting.invite(
                member,
                request.email().strip(),
                request.role(),
                request.userType() == null ? UserType.MEMBER : UserType.ofCode(request.userType()),
                RequestOrigins.of(http));
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/invitations")
    @RequiresPermission(resource = "members", action = "read")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The workspace's invitations")
    CursorPage<Invitations.Invitation> list(PageRequest page) {
        return inviting.list(page);
    }

    @DeleteMapping("/api/v1/invitations/{id}")
    @RequiresPermission(resource = "members", action = "write", idVariable = "id")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Withdraw an invitation that has not been accepted")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal @Nullable Object principal, @PathVariable UUID id, HttpServletRequest http) {
        inviting.revoke(principal, id, RequestOrigins.of(http));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/auth/invitations/accept")
    @Operation(summary = "Accept an invitation (with a password when the address has no account yet)")
    Inviting.Accepted accept(@Valid @RequestBody Accept request, HttpServletRequest http) {
        return inviting.accept(request.token(), request.password(), request.name(), RequestOrigins.of(http));
    }
}

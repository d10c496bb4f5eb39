package io.reach.identity;

import io.reach.identity.signin.IdentityProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user. */
@RestController
@Tag(name = "Me")
@SecurityRequirement(name = "bearer")
class MeController {

    private final Users users;
    private final Memberships memberships;

    MeController(Users users, Memberships memberships) {
        this.users = users;
        this.memberships = memberships;
    }

    record Me(
            UUID id,
            String email,
            @Nullable String name,
            boolean emailVerified,
            String status,
            String role,
            boolean mfaEnabled,
            @Nullable Instant lastLoginAt,
            Instant createdAt,
            UUID tenantId,
            String tenantRole,
            List<Membership> tenants) {}

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in user, the current workspace and all their workspaces")
    Me me(@SignedInMember UserPrincipal current) {
        UserAccount user = users.findById(current.userId()).orElseThrow(IdentityProblems::badCredentials);
        return new Me(
                user.id(),
                user.email(),
                user.name(),
                user.emailVerified(),
                user.status(),
                user.role(),
                user.mfaEnabled(),
                user.lastLoginAt(),
                user.createdAt(),
                current.tenantId().value(),
                current.role(),
                memberships.ofUser(user.id()));
    }
}

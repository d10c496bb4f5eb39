package io.reach.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user as sign-in needs it. */
public record UserAccount(
        UUID id,
        String email,
        @Nullable String passwordHash,
        boolean emailVerified,
        @Nullable String name,
        String status,
        String role,
        boolean mfaEnabled,
        @Nullable Instant lastLoginAt,
        Instant createdAt) {

    public boolean isActive() {
        return UserStatus.ACTIVE.code().equals(status);
    }
}

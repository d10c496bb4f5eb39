package io.reach.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditEntry.ActorType;

/** Who did something, as audit records name them. */
final class Actors {

    private Actors() {
    }

    static @Nullable UUID userOf(@Nullable Object principal) {
        return switch (principal) {
            case UserPrincipal user -> user.userId();
            case ApiKeyPrincipal key -> key.createdBy();
            case null, default -> null;
        };
    }

    static ActorType typeOf(@Nullable Object principal) {
        return principal instanceof ApiKeyPrincipal ? ActorType.API_KEY : ActorType.USER;
    }

    /** Starts the audit entry for {@code action} done by the signed-in person or API key. */
    static AuditEntry.Act act(@Nullable Object principal, String action) {
        return AuditEntry.by(userOf(principal), typeOf(principal), action);
    }
}

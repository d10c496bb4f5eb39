package io.reach.identity;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditEntry.ActorType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is acting, as audit records name them: a signed-in member, or an API key (named by the
 * member who created it). A handler takes it as a plain {@code Actor by} parameter where both may
 * call; where only a member may, it takes {@link SignedInMember} instead.
 */
public record Actor(@Nullable UUID userId, ActorType type) {

    public static Actor of(@Nullable Object principal) {
        return switch (principal) {
            case UserPrincipal user -> new Actor(user.userId(), ActorType.USER);
            case ApiKeyPrincipal key -> new Actor(key.createdBy(), ActorType.API_KEY);
            case null, default -> new Actor(null, ActorType.USER);
        };
    }

    /** Starts the audit entry for {@code action} done by this actor. */
    public AuditEntry.Act act(String action) {
        return AuditEntry.by(userId, type, action);
    }
}

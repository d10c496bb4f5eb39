package io.reach.audit;

import io.reach.platform.CheckSet;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One state change: who ({@code userId}, {@code actorType}) did what ({@code action}, such as
 * {@code user.signed_up}) to which resource (its type, id and table), with the values before and after.
 */
public record AuditEntry(
        @Nullable UUID userId,
        ActorType actorType,
        String action,
        String resourceType,
        @Nullable String resourceId,
        @Nullable String tableName,
        @Nullable Map<String, ?> oldValues,
        @Nullable Map<String, ?> newValues,
        @Nullable RequestOrigin origin) {

    /** Starts the entry for {@code action} done by {@code userId} acting as {@code actorType}. */
    public static Act by(@Nullable UUID userId, ActorType actorType, String action) {
        return new Act(userId, actorType, action);
    }

    /** Starts the entry for {@code action} done by a signed-in person. */
    public static Act byUser(UUID userId, String action) {
        return by(userId, ActorType.USER, action);
    }

    /** Starts the entry for {@code action} done on {@code userId}'s behalf by their identity provider. */
    public static Act byIdentityProvider(UUID userId, String action) {
        return by(userId, ActorType.IDENTITY_PROVIDER, action);
    }

    /** Starts the entry for {@code action} done by a platform administrator outside any sign-in. */
    public static Act byPlatformAdmin(String action) {
        return by(null, ActorType.PLATFORM_ADMIN, action);
    }

    /**
     * This entry with the values the resource has now (a creation, or a change whose old values are not
     * kept).
     */
    public AuditEntry values(@Nullable Map<String, ?> values) {
        return new AuditEntry(
                userId, actorType, action, resourceType, resourceId, tableName, oldValues, values, origin);
    }

    /** This entry with the values before ({@code null} when there were none) and after a change. */
    public AuditEntry changed(@Nullable Map<String, ?> before, Map<String, ?> after) {
        return new AuditEntry(userId, actorType, action, resourceType, resourceId, tableName, before, after, origin);
    }

    /** This entry with the values the resource had before it was removed. */
    public AuditEntry removed(Map<String, ?> before) {
        return new AuditEntry(userId, actorType, action, resourceType, resourceId, tableName, before, null, origin);
    }

    /** This entry with the request it came from. */
    public AuditEntry from(@Nullable RequestOrigin requestOrigin) {
        return new AuditEntry(
                userId, actorType, action, resourceType, resourceId, tableName, oldValues, newValues, requestOrigin);
    }

    /** Who did what; {@link #on} names the resource and makes the entry. */
    public record Act(@Nullable UUID userId, ActorType actorType, String action) {

        /** The entry for the resource {@code resourceType} with id {@code resourceId} stored in {@code tableName}. */
        public AuditEntry on(String resourceType, Object resourceId, String tableName) {
            return new AuditEntry(
                    userId, actorType, action, resourceType, resourceId.toString(), tableName, null, null, null);
        }
    }

    @CheckSet(table = "audit.audit_logs", column = "actor_type")
    public enum ActorType {
        USER,
        PLATFORM_ADMIN,
        API_KEY,
        SYSTEM,
        IDENTITY_PROVIDER;

        String code() {
            return name().toLowerCase();
        }
    }
}

package io.reach.audit;

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

    public enum ActorType {
        USER, PLATFORM_ADMIN, API_KEY, SYSTEM, IDENTITY_PROVIDER;

        String code() {
            return name().toLowerCase();
        }
    }
}

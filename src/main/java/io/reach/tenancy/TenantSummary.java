package io.reach.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant as listed. */
public record TenantSummary(
        UUID id,
        String name,
        String slug,
        TenantStatus status,
        @Nullable UUID ownerId,
        Instant createdAt,
        Instant updatedAt) {}

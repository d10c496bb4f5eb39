package io.reach.tenancy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant with everything configured for it. */
public record TenantDetails(
        UUID id,
        String name,
        String slug,
        TenantStatus status,
        @Nullable UUID ownerId,
        @Nullable Instant suspendedAt,
        @Nullable String suspensionReason,
        Instant createdAt,
        Instant updatedAt,
        Map<String, Object> settings,
        TenantQuotas quotas,
        WhiteLabel whiteLabel) {}

package io.reach.platform.tenant;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a tenant. {@link #PLATFORM} (the nil UUID) stands for the platform operator, whose
 * own records (such as idempotency keys of admin requests) are kept apart from every tenant's.
 */
public record TenantId(UUID value) {

    public static final TenantId PLATFORM = new TenantId(new UUID(0, 0));

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(UUID value) {
        return new TenantId(value);
    }

    public boolean isPlatform() {
        return PLATFORM.equals(this);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package io.reach.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The tenant aggregate root: its identity and lifecycle (active ⇄ suspended). */
@Table(schema = "tenancy", name = "tenants")
class Tenant {

    @Id
    private final UUID id;

    private String name;
    private final String slug;
    private String status;
    private @Nullable UUID ownerId;
    private @Nullable Instant suspendedAt;
    private @Nullable String suspensionReason;
    private final Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Tenant(
            UUID id,
            String name,
            String slug,
            String status,
            @Nullable UUID ownerId,
            @Nullable Instant suspendedAt,
            @Nullable String suspensionReason,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Long version) {
        this.id = id;
        this.name = name;
        this.slug = slug;
        this.status = status;
        this.ownerId = ownerId;
        this.suspendedAt = suspendedAt;
        this.suspensionReason = suspensionReason;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Tenant create(UUID id, String name, String slug, @Nullable UUID ownerId, Instant now) {
        return new Tenant(id, name, slug, TenantStatus.ACTIVE.code(), ownerId, null, null, now, now, null);
    }

    void suspend(String reason, Instant now) {
        if (status() == TenantStatus.SUSPENDED) {
            throw TenantStateConflict.alreadySuspended(id);
        }
        status = TenantStatus.SUSPENDED.code();
        suspendedAt = now;
        suspensionReason = reason;
        updatedAt = now;
    }

    void reactivate(Instant now) {
        if (status() == TenantStatus.ACTIVE) {
            throw TenantStateConflict.alreadyActive(id);
        }
        status = TenantStatus.ACTIVE.code();
        suspendedAt = null;
        suspensionReason = null;
        updatedAt = now;
    }

    void rename(String newName, Instant now) {
        name = newName;
        updatedAt = now;
    }

    void assignOwner(@Nullable UUID newOwner, Instant now) {
        ownerId = newOwner;
        updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    TenantStatus status() {
        return TenantStatus.ofCode(status);
    }

    TenantSummary summary() {
        return new TenantSummary(id, name, slug, status(), ownerId, createdAt, updatedAt);
    }

    TenantDetails details(TenantConfiguration configuration) {
        return new TenantDetails(
                id,
                name,
                slug,
                status(),
                ownerId,
                suspendedAt,
                suspensionReason,
                createdAt,
                updatedAt,
                configuration.settings(),
                configuration.quotas(),
                configuration.whiteLabel());
    }
}

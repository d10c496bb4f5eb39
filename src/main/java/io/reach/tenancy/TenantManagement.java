package io.reach.tenancy;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.tenancy.TenantEvents.TenantCreated;
import io.reach.tenancy.TenantEvents.TenantReactivated;
import io.reach.tenancy.TenantEvents.TenantSuspended;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The tenancy module's API. Work on one tenant runs in a transaction bound to that tenant, so
 * its tenant-scoped rows are reachable and no other tenant's are.
 */
@Service
@EnableConfigurationProperties(TenancyProperties.class)
public class TenantManagement {

    private static final int SLUG_ATTEMPTS = 20;

    private final Tenants tenants;
    private final TenantConfigurations configurations;
    private final TenantTransactions transactions;
    private final ApplicationEventPublisher events;
    private final TenancyProperties properties;
    private final Ids ids;
    private final Clock clock;
    private final TenantAuditing auditing;
    private final TenantRequestRates requestRates;
    private final ObjectProvider<WorkspaceOwners> owners;

    TenantManagement(
            TenantAuditing auditing,
            Tenants tenants,
            TenantConfigurations configurations,
            TenantTransactions transactions,
            ApplicationEventPublisher events,
            TenancyProperties properties,
            Ids ids,
            Clock clock,
            TenantRequestRates requestRates,
            ObjectProvider<WorkspaceOwners> owners) {
        this.owners = owners;
        this.requestRates = requestRates;
        this.tenants = tenants;
        this.configurations = configurations;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
        this.auditing = auditing;
    }

    public TenantDetails create(CreateTenant command) {
        return create(command, created -> {});
    }

    /**
     * Creates a tenant and runs {@code alsoInSameTransaction} in the same transaction, bound to the
     * new tenant: what a module adds to a new tenant (its owner, say) commits with it or not at all.
     */
    public TenantDetails create(CreateTenant command, Consumer<TenantDetails> alsoInSameTransaction) {
        UUID id = ids.next();
        return transactions.inTransactionAs(TenantId.of(id), () -> {
            var now = clock.instant();
            if (command.settings() != null) {
                TenantSettingsRules.check(command.settings());
            }
            String slug = command.slug() != null ? requireFreeSlug(command.slug()) : freeSlugFor(command.name());
            try {
                tenants.save(Tenant.create(id, command.name().strip(), slug, command.ownerId(), now));
            } catch (DuplicateKeyException e) {
                throw TenantStateConflict.slugTaken(slug);
            }
            configurations.saveSettings(command.settings() == null ? Map.of() : command.settings(), now);
            configurations.saveQuotas(
                    command.quotas() == null ? properties.quotasForNewTenants() : command.quotas(), now);
            configurations.saveWhiteLabel(command.whiteLabel() == null ? WhiteLabel.none() : command.whiteLabel(), now);
            events.publishEvent(new TenantCreated(id, slug));
            TenantDetails created = loadDetails(id);
            auditing.record(created.id(), "tenant.created", null, created);
            alsoInSameTransaction.accept(created);
            // after the caller's own additions: sign-up creates the owner's account and membership there
            if (command.ownerId() != null) {
                owners().ensureOwner(command.ownerId());
            } else if (command.ownerEmail() != null) {
                Optional<UUID> existing = owners().addOrInvite(command.ownerEmail());
                if (existing.isPresent()) {
                    Tenant tenant = tenants.findById(id).orElseThrow();
                    tenant.assignOwner(existing.get(), clock.instant());
                    tenants.save(tenant);
                    return loadDetails(id);
                }
            }
            return created;
        });
    }

    /** What naming an owner did: the account was made an owner member, or the address was invited. */
    public record OwnerNamed(TenantDetails tenant, boolean invited) {}

    /**
     * Makes the account with this address the workspace's owner (an owner member), or mails the
     * address an owner invitation; accepting it makes the new account the owner.
     */
    public OwnerNamed nameOwner(UUID id, String email) {
        return transactions.inTransactionAs(TenantId.of(id), () -> {
            if (!tenants.existsById(id)) {
                throw TenantNotFound.forId(id);
            }
            Optional<UUID> existing = owners().addOrInvite(email.strip());
            if (existing.isPresent()) {
                return new OwnerNamed(assignOwner(id, existing.get()), false);
            }
            // the invitation is audited where it is made (identity)
            return new OwnerNamed(loadDetails(id), true);
        });
    }

    public TenantDetails get(UUID id) {
        return transactions.inTransactionAs(TenantId.of(id), () -> loadDetails(id));
    }

    public CursorPage<TenantSummary> list(PageRequest page, @Nullable TenantStatus status) {
        return transactions.inTransaction(() -> CursorPage.of(
                        tenants.pageAfter(page.afterOrStart(), status == null ? null : status.code(), page.fetchSize()),
                        page,
                        Tenant::id)
                .map(Tenant::summary));
    }

    public TenantDetails suspend(UUID id, String reason) {
        return change(
                id,
                "tenant.suspended",
                tenant -> tenant.suspend(reason, clock.instant()),
                new TenantSuspended(id, reason));
    }

    public TenantDetails reactivate(UUID id) {
        return change(
                id, "tenant.reactivated", tenant -> tenant.reactivate(clock.instant()), new TenantReactivated(id));
    }

    public TenantDetails rename(UUID id, String name) {
        return change(id, "tenant.renamed", tenant -> tenant.rename(name.strip(), clock.instant()), null);
    }

    /** Names the owner: the user becomes (or stays) an owner member, so the workspace can be entered. */
    public TenantDetails assignOwner(UUID id, @Nullable UUID ownerId) {
        return change(
                id,
                "tenant.owner_changed",
                tenant -> {
                    if (ownerId != null) {
                        owners().ensureOwner(ownerId);
                    }
                    tenant.assignOwner(ownerId, clock.instant());
                },
                null);
    }

    /** Replaces the settings whole; known settings are checked (zone, IP handling, retention, switches). */
    public TenantDetails replaceSettings(UUID id, Map<String, Object> settings) {
        TenantSettingsRules.check(settings);
        return configure(id, "tenant.settings_replaced", () -> configurations.saveSettings(settings, clock.instant()));
    }

    /** Merges {@code patch} into the settings (RFC 7396: null removes a key) and checks the result. */
    public TenantDetails mergeSettings(UUID id, Map<String, @Nullable Object> patch) {
        return configure(id, "tenant.settings_changed", () -> {
            Map<String, Object> current =
                    configurations.find().map(TenantConfiguration::settings).orElse(Map.of());
            Map<String, Object> merged = TenantSettingsRules.merged(current, patch);
            TenantSettingsRules.check(merged);
            configurations.saveSettings(merged, clock.instant());
        });
    }

    public TenantDetails replaceQuotas(UUID id, TenantQuotas quotas) {
        TenantDetails replaced =
                configure(id, "tenant.quotas_replaced", () -> configurations.saveQuotas(quotas, clock.instant()));
        requestRates.forget(TenantId.of(id));
        return replaced;
    }

    public TenantDetails replaceWhiteLabel(UUID id, WhiteLabel whiteLabel) {
        return configure(
                id, "tenant.white_label_replaced", () -> configurations.saveWhiteLabel(whiteLabel, clock.instant()));
    }

    /** The limits of the tenant bound to the current work; what other modules check before they grow. */
    public TenantQuotas quotasOf(TenantId tenant) {
        return transactions.inTransactionAs(
                tenant, () -> configurations.findQuotas().orElseThrow(() -> TenantNotFound.forId(tenant.value())));
    }

    /** The settings of a tenant (empty for the platform or a tenant without any), for modules that honour them. */
    public Map<String, Object> settingsOf(TenantId tenant) {
        return transactions.inTransactionAs(
                tenant,
                () -> configurations.find().map(TenantConfiguration::settings).orElse(Map.of()));
    }

    public Optional<TenantSummary> find(UUID id) {
        return transactions.inTransaction(() -> tenants.findById(id).map(Tenant::summary));
    }

    private WorkspaceOwners owners() {
        WorkspaceOwners available = owners.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException("No module provides workspace owners (identity is not loaded)");
        }
        return available;
    }

    private TenantDetails change(UUID id, String action, Consumer<Tenant> change, @Nullable Object event) {
        return transactions.inTransactionAs(TenantId.of(id), () -> {
            Tenant tenant = tenants.findById(id).orElseThrow(() -> TenantNotFound.forId(id));
            TenantDetails before = loadDetails(id);
            change.accept(tenant);
            tenants.save(tenant);
            if (event != null) {
                events.publishEvent(event);
            }
            TenantDetails after = loadDetails(id);
            auditing.record(id, action, before, after);
            return after;
        });
    }

    private TenantDetails configure(UUID id, String action, Runnable save) {
        return transactions.inTransactionAs(TenantId.of(id), () -> {
            if (!tenants.existsById(id)) {
                throw TenantNotFound.forId(id);
            }
            TenantDetails before = loadDetails(id);
            save.run();
            TenantDetails after = loadDetails(id);
            auditing.record(id, action, before, after);
            return after;
        });
    }

    private TenantDetails loadDetails(UUID id) {
        Tenant tenant = tenants.findById(id).orElseThrow(() -> TenantNotFound.forId(id));
        TenantConfiguration configuration = configurations
                .find()
                .orElseThrow(() -> new IllegalStateException("Tenant " + id + " has no configuration rows"));
        return tenant.details(configuration);
    }

    private String requireFreeSlug(String slug) {
        if (tenants.existsBySlug(slug)) {
            throw TenantStateConflict.slugTaken(slug);
        }
        return slug;
    }

    private String freeSlugFor(String name) {
        String base = Slugs.fromName(name);
        if (!tenants.existsBySlug(base)) {
            return base;
        }
        for (int n = 2; n < SLUG_ATTEMPTS + 2; n++) {
            String candidate = Slugs.variant(base, n);
            if (!tenants.existsBySlug(candidate)) {
                return candidate;
            }
        }
        throw TenantStateConflict.slugTaken(base);
    }
}

package io.reach.platform.tenant;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which tenant the current work belongs to. An explicit binding ({@link #callAs}) wins; otherwise
 * the authenticated principal's tenant. Every transaction hands it to PostgreSQL as
 * {@code app.tenant_id}, where row-level security enforces it.
 */
public final class TenantContext {

    private static final ScopedValue<TenantId> BOUND = ScopedValue.newInstance();
    private static final ScopedValue<UUID> ACTING_USER = ScopedValue.newInstance();

    private TenantContext() {}

    public static Optional<TenantId> current() {
        if (BOUND.isBound()) {
            return Optional.of(BOUND.get());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TenantScoped scoped) {
            return Optional.of(scoped.tenantId());
        }
        return Optional.empty();
    }

    /** The person the current work acts for: an explicit binding, else the principal's user, if it has one. */
    public static Optional<UUID> currentUser() {
        if (ACTING_USER.isBound()) {
            return Optional.of(ACTING_USER.get());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof UserScoped user) {
            return Optional.of(user.userId());
        }
        return Optional.empty();
    }

    /** Runs {@code work} for {@code user}: transactions opened inside may see that user's own rows. */
    public static <T> T callAsUser(UUID user, Supplier<T> work) {
        return ScopedValue.where(ACTING_USER, user).call(work::get);
    }

    public static TenantId require() {
        return current().orElseThrow(() -> new IllegalStateException("No tenant is bound to this work"));
    }

    /** Runs {@code work} as {@code tenant}: transactions opened inside see only that tenant's rows. */
    public static <T> T callAs(TenantId tenant, Supplier<T> work) {
        return ScopedValue.where(BOUND, tenant).call(work::get);
    }

    public static void runAs(TenantId tenant, Runnable work) {
        ScopedValue.where(BOUND, tenant).run(work);
    }
}

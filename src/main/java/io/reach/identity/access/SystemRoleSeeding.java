package io.reach.identity.access;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.tenancy.TenantEvents.TenantCreated;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every new tenant gets the built-in roles, in the transaction that creates it.
 *
 * <p>Deliberately a synchronous {@code @EventListener}, not an outbox listener: the owner's membership
 * is added later in that same transaction and the creating request's answer (a signed-in owner after
 * sign-up) is used at once, so the roles must exist before the commit, not some time after it. Being
 * inside the creating transaction gives more than the outbox would: the roles commit with the tenant
 * or neither does, so there is nothing to complete after a crash.
 */
@Component
class SystemRoleSeeding {

    private final Roles roles;
    private final Clock clock;

    SystemRoleSeeding(Roles roles, Clock clock) {
        this.roles = roles;
        this.clock = clock;
    }

    @EventListener
    void on(TenantCreated created) {
        TenantContext.runAs(TenantId.of(created.tenantId()), () -> roles.seedSystemRoles(clock.instant()));
    }
}

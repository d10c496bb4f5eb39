package io.reach.identity;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.tenancy.TenantEvents.TenantCreated;

/** Every new tenant gets the built-in roles, in the transaction that creates it. */
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
        TenantContext.callAs(TenantId.of(created.tenantId()), () -> {
            roles.seedSystemRoles(clock.instant());
            return null;
        });
    }
}

package io.reach.tenancy;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditEntry.ActorType;
import io.reach.audit.AuditTrail;
import io.reach.platform.security.PlatformAdmin;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every change to a tenant lands in that tenant's audit trail, with the tenant before and after. */
@Component
class TenantAuditing {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final AuditTrail audit;
    private final JsonMapper json;

    TenantAuditing(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    void record(UUID tenantId, String action, @Nullable TenantDetails before, TenantDetails after) {
        audit.record(
                TenantId.of(tenantId),
                AuditEntry.by(TenantContext.currentUser().orElse(null), actor(), action)
                        .on("tenant", tenantId, "tenancy.tenants")
                        .changed(before == null ? null : asMap(before), asMap(after)));
    }

    private Map<String, Object> asMap(TenantDetails details) {
        return json.convertValue(details, MAP);
    }

    private static ActorType actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PlatformAdmin) {
            return ActorType.PLATFORM_ADMIN;
        }
        return TenantContext.currentUser().isPresent() ? ActorType.USER : ActorType.SYSTEM;
    }
}

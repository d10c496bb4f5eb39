package io.reach.campaigns;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditEntry.ActorType;
import io.reach.audit.AuditTrail;
import io.reach.platform.tenant.TenantContext;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Changes to campaigns and templates land in the tenant's audit trail, like posts, sites and tenants do. */
@Component
public class CampaignAuditing {

    private final AuditTrail audit;

    CampaignAuditing(AuditTrail audit) {
        this.audit = audit;
    }

    void campaign(String action, UUID campaignId, Map<String, ?> values) {
        record(action, "campaign", campaignId, "campaigns.campaigns", values);
    }

    public void record(String action, String resourceType, UUID resourceId, String tableName, Map<String, ?> values) {
        var user = TenantContext.currentUser();
        audit.record(
                TenantContext.require(),
                AuditEntry.by(user.orElse(null), user.isPresent() ? ActorType.USER : ActorType.SYSTEM, action)
                        .on(resourceType, resourceId, tableName)
                        .values(values));
    }
}

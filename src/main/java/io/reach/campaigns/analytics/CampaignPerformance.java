package io.reach.campaigns.analytics;

import io.reach.campaigns.CampaignsForAnalytics;
import io.reach.platform.tenant.TenantTransactions;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** How campaigns perform over all their e-mail and SMS campaigns: one campaign's figures, and the best ones. */
@Service
class CampaignPerformance {

    private final CampaignAnalytics analytics;
    private final CampaignsForAnalytics campaigns;
    private final TenantTransactions transactions;

    CampaignPerformance(CampaignAnalytics analytics, CampaignsForAnalytics campaigns, TenantTransactions transactions) {
        this.analytics = analytics;
        this.campaigns = campaigns;
        this.transactions = transactions;
    }

    CampaignAnalytics.CampaignStats of(UUID id) {
        return transactions.inTransaction(() -> {
            CampaignsForAnalytics.Headline campaign = campaigns.headline(id);
            return analytics.campaign(id, campaign.name(), campaign.status());
        });
    }

    /** At most {@code limit} campaigns, best first by {@code metric} (a {@link TopMetric} code). */
    List<CampaignAnalytics.CampaignStats> top(String metric, int limit) {
        TopMetric.of(metric);
        return transactions.inTransaction(() -> analytics.top(metric, limit));
    }
}

package io.reach.campaigns;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.reach.platform.tenant.TenantTransactions;

/** How campaigns perform over all their e-mail and SMS campaigns: one campaign's figures, and the best ones. */
@Service
class CampaignPerformance {

    private final CampaignAnalytics analytics;
    private final Campaigns campaigns;
    private final TenantTransactions transactions;

    CampaignPerformance(CampaignAnalytics analytics, Campaigns campaigns, TenantTransactions transactions) {
        this.analytics = analytics;
        this.campaigns = campaigns;
        this.transactions = transactions;
    }

    CampaignAnalytics.CampaignStats of(UUID id) {
        return transactions.inTransaction(() -> {
            Campaign campaign = campaigns.get(id);
            return analytics.campaign(id, campaign.brief().name(), campaign.status().code());
        });
    }

    /** At most {@code limit} campaigns, best first by {@code metric} (a {@link TopMetric} code). */
    List<CampaignAnalytics.CampaignStats> top(String metric, int limit) {
        TopMetric.of(metric);
        return transactions.inTransaction(() -> analytics.top(metric, limit));
    }
}

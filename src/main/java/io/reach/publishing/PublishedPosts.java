package io.reach.publishing;

import io.reach.campaigns.CampaignDirectory;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TimeWindow;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What was published: the posts as the platforms took them, their engagement over time, and
 * the campaign each counts towards (only one of the workspace's own campaigns).
 */
@Service
class PublishedPosts {

    /** A published post with its latest engagement counts. */
    record PublishedPost(SocialPosts.SocialPost post, List<SocialPosts.Measurement> engagement) {}

    private final SocialPosts posts;
    private final CampaignDirectory campaigns;
    private final TenantTransactions transactions;

    PublishedPosts(SocialPosts posts, CampaignDirectory campaigns, TenantTransactions transactions) {
        this.posts = posts;
        this.campaigns = campaigns;
        this.transactions = transactions;
    }

    /** Newest first, by time, account or campaign (null: any). */
    CursorPage<SocialPosts.SocialPost> list(
            TimeWindow window, @Nullable UUID accountId, @Nullable UUID campaignId, PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                posts.list(window.from(), window.to(), accountId, campaignId, page.beforeOrEnd(), page.fetchSize()),
                page,
                SocialPosts.SocialPost::id));
    }

    PublishedPost get(UUID id) {
        return transactions.inTransaction(() -> new PublishedPost(find(id), posts.latest(id)));
    }

    /** Every measurement of the post in the window, oldest first. */
    CursorPage<SocialPosts.Measurement> engagement(UUID id, TimeWindow window, PageRequest page) {
        return transactions.inTransaction(() -> {
            find(id);
            return CursorPage.of(
                    posts.history(id, window.from(), window.to(), page.after().orElse(null), page.fetchSize()),
                    page,
                    SocialPosts.Measurement::id);
        });
    }

    /** Links the post to one of the workspace's campaigns; null unlinks it. */
    SocialPosts.SocialPost linkCampaign(UUID id, @Nullable UUID campaign) {
        return transactions.inTransaction(() -> {
            find(id);
            if (campaign != null && !campaigns.exists(campaign)) {
                throw CampaignNotFound.forId(campaign);
            }
            if (!posts.linkCampaign(id, campaign)) {
                throw PublishedPostNotFound.forId(id);
            }
            return find(id);
        });
    }

    private SocialPosts.SocialPost find(UUID id) {
        return posts.find(id).orElseThrow(() -> PublishedPostNotFound.forId(id));
    }
}

package io.reach.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reach.campaigns.CampaignDirectory;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.NotFoundException;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What publishing put on the platforms ({@code social_posts}) and how each post is doing ({@code social_engagement}). */
@RestController
@RequestMapping("/api/v1/social-posts")
@SecurityRequirement(name = "bearer")
@Tag(name = "Published posts")
class SocialPostController {

    private final SocialPosts posts;
    private final CampaignDirectory campaigns;
    private final TenantTransactions transactions;
    private final Clock clock;

    SocialPostController(SocialPosts posts, CampaignDirectory campaigns, TenantTransactions transactions, Clock clock) {
        this.posts = posts;
        this.campaigns = campaigns;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Published(SocialPosts.SocialPost post, List<SocialPosts.Measurement> engagement) {
    }

    @GetMapping
    @RequiresPermission(resource = "posts", action = "read")
    @Operation(summary = "Published posts, newest first, by time, account or campaign")
    CursorPage<SocialPosts.SocialPost> list(@RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(name = "social_account_id", required = false) @Nullable UUID accountId,
            @RequestParam(name = "campaign_id", required = false) @Nullable UUID campaignId,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        TimeWindow window = TimeWindow.unbounded(from, to);
        return transactions.inTransaction(() -> CursorPage.of(posts.list(window.from(), window.to(), accountId, campaignId,
                page.beforeOrEnd(), page.fetchSize()), page, SocialPosts.SocialPost::id));
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "posts", action = "read", idVariable = "id")
    @Operation(summary = "A published post with its latest engagement counts")
    Published get(@PathVariable UUID id) {
        return transactions.inTransaction(() -> new Published(find(id), posts.latest(id)));
    }

    @GetMapping("/{id}/engagement")
    @RequiresPermission(resource = "posts", action = "read", idVariable = "id")
    @Operation(summary = "Every engagement measurement of the post between from and to (default: the last 30 days), "
            + "oldest first, in pages")
    CursorPage<SocialPosts.Measurement> engagement(@PathVariable UUID id, @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        TimeWindow window = TimeWindow.recent(from, to, Duration.ofDays(30), clock.instant());
        return transactions.inTransaction(() -> {
            find(id);
            return CursorPage.of(posts.history(id, window.from(), window.to(), page.after().orElse(null), page.fetchSize()),
                    page, SocialPosts.Measurement::id);
        });
    }

    record CampaignLink(@Nullable UUID campaignId) {
    }

    @PutMapping("/{id}/campaign")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Link the published post to one of the workspace's campaigns (null unlinks it)")
    SocialPosts.SocialPost linkCampaign(@PathVariable UUID id, @RequestBody CampaignLink link) {
        return transactions.inTransaction(() -> {
            find(id);
            UUID campaign = link.campaignId();
            if (campaign != null && !campaigns.exists(campaign)) {
                throw new NotFoundException("Campaign", campaign);
            }
            if (!posts.linkCampaign(id, campaign)) {
                throw new NotFoundException("Published post", id);
            }
            return find(id);
        });
    }

    private SocialPosts.SocialPost find(UUID id) {
        return posts.find(id).orElseThrow(() -> new NotFoundException("Published post", id));
    }
}

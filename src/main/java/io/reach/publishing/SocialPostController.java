package io.reach.publishing;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.RecentWindow;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** What publishing put on the platforms ({@code social_posts}) and how each post is doing ({@code social_engagement}). */
@RestController
@RequestMapping("/api/v1/social-posts")
@SecurityRequirement(name = "bearer")
@Tag(name = "Published posts")
class SocialPostController {

    private final PublishedPosts published;

    SocialPostController(PublishedPosts published) {
        this.published = published;
    }

    record Published(SocialPosts.SocialPost post, List<SocialPosts.Measurement> engagement) {}

    @GetMapping
    @RequiresPermission(resource = "posts", action = "read")
    @Operation(summary = "Published posts, newest first, by time, account or campaign")
    CursorPage<SocialPosts.SocialPost> list(
            TimeWindow window,
            @RequestParam(name = "social_account_id", required = false) @Nullable UUID accountId,
            @RequestParam(name = "campaign_id", required = false) @Nullable UUID campaignId,
            PageRequest page) {
        return published.list(window, accountId, campaignId, page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(resource = "posts", action = "read", idVariable = "id")
    @Operation(summary = "A published post with its latest engagement counts")
    Published get(@PathVariable UUID id) {
        PublishedPosts.PublishedPost post = published.get(id);
        return new Published(post.post(), post.engagement());
    }

    @GetMapping("/{id}/engagement")
    @RequiresPermission(resource = "posts", action = "read", idVariable = "id")
    @Operation(
            summary = "Every engagement measurement of the post between from and to (default: the last 30 days), "
                    + "oldest first, in pages")
    CursorPage<SocialPosts.Measurement> engagement(
            @PathVariable UUID id, @RecentWindow(days = 30) TimeWindow window, PageRequest page) {
        return published.engagement(id, window, page);
    }

    record CampaignLink(@Nullable UUID campaignId) {}

    @PutMapping("/{id}/campaign")
    @RequiresPermission(resource = "posts", action = "write", idVariable = "id")
    @Operation(summary = "Link the published post to one of the workspace's campaigns (null unlinks it)")
    SocialPosts.SocialPost linkCampaign(@PathVariable UUID id, @RequestBody CampaignLink link) {
        return published.linkCampaign(id, link.campaignId());
    }
}

package io.reach.publishing.automation;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's inbound platform events (from webhooks, polling and syncs), as stored and handed to automations. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Social webhooks")
class InboundEventController {

    private final InboundActivity activity;

    InboundEventController(InboundActivity activity) {
        this.activity = activity;
    }

    @GetMapping("/api/v1/social/events")
    @RequiresPermission(resource = "social_accounts", action = "read")
    @Operation(summary = "Inbound events, newest first, by type (new_comment, mention, …), platform, account and time")
    CursorPage<InboundEvents.EventView> list(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String platform,
            @RequestParam(name = "social_account_id", required = false) @Nullable UUID accountId,
            TimeWindow window,
            PageRequest page) {
        return activity.list(type, platform, accountId, window, page);
    }
}

package io.reach.publishing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reach.platform.security.RequiresPermission;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/** The workspace's inbound platform events (from webhooks, polling and syncs), as stored and handed to automations. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Social webhooks")
class InboundEventController {

    private final InboundEvents events;
    private final TenantTransactions transactions;
    private final JsonMapper json;

    InboundEventController(InboundEvents events, TenantTransactions transactions, JsonMapper json) {
        this.events = events;
        this.transactions = transactions;
        this.json = json;
    }

    @GetMapping("/api/v1/social/events")
    @RequiresPermission(resource = "social_accounts", action = "read")
    @Operation(summary = "Inbound events, newest first, by type (new_comment, mention, …), platform, account and time")
    CursorPage<InboundEvents.EventView> list(@RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String platform,
            @RequestParam(name = "social_account_id", required = false) @Nullable UUID accountId,
            @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        TimeWindow window = TimeWindow.unbounded(from, to);
        return transactions.inTransaction(() -> CursorPage.of(events.list(window.from(), window.to(), type, platform,
                accountId, page.beforeOrEnd(), page.fetchSize(), json), page, InboundEvents.EventView::id));
    }
}

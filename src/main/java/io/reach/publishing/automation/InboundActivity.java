package io.reach.publishing.automation;

import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import io.reach.platform.web.TimeWindow;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** What the platforms reported (comments, mentions, messages, followers…), as the workspace reads it back. */
@Service
class InboundActivity {

    private final InboundEvents events;
    private final TenantTransactions transactions;
    private final JsonMapper json;

    InboundActivity(InboundEvents events, TenantTransactions transactions, JsonMapper json) {
        this.events = events;
        this.transactions = transactions;
        this.json = json;
    }

    /** Newest first, by type, platform and account (null: any) and time. */
    CursorPage<InboundEvents.EventView> list(
            @Nullable String type,
            @Nullable String platform,
            @Nullable UUID accountId,
            TimeWindow window,
            PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                events.list(
                        window.from(),
                        window.to(),
                        type,
                        platform,
                        accountId,
                        page.beforeOrEnd(),
                        page.fetchSize(),
                        json),
                page,
                InboundEvents.EventView::id));
    }
}

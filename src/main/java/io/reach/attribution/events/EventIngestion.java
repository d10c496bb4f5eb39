package io.reach.attribution.events;

import io.reach.campaigns.CampaignDirectory;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.BatchAnswer;
import io.reach.platform.web.FieldError;
import io.reach.podcasts.Households;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes batches of touches and conversions for a workspace: each line read on its own, the
 * campaigns it names checked against the workspace's, its address turned into the household key
 * (and dropped), and the good lines stored together.
 */
@Service
public class EventIngestion {

    private final TenantTransactions transactions;
    private final EventStore store;
    private final ConversionChecks checks;
    private final Households households;
    private final CampaignDirectory campaigns;
    private final JsonMapper json;
    private final Ids ids;
    private final Clock clock;
    private final Duration retention;

    EventIngestion(
            TenantTransactions transactions,
            EventStore store,
            ConversionChecks checks,
            Households households,
            CampaignDirectory campaigns,
            JsonMapper json,
            Ids ids,
            Clock clock,
            @Value("${reach.attribution.retention:730d}") Duration retention) {
        this.transactions = transactions;
        this.store = store;
        this.checks = checks;
        this.households = households;
        this.campaigns = campaigns;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
        this.retention = retention;
    }

    public BatchAnswer ingest(TenantId tenant, EventKind kind, String body) {
        return ingest(tenant, kind, body, EventSource.API);
    }

    /** Stores the events of a batch that came in by {@code source} (the API, or the browser's pixel). */
    BatchAnswer ingest(TenantId tenant, EventKind kind, String body, EventSource source) {
        Instant now = clock.instant();
        List<EventLines.Line> lines =
                EventLines.read(body, json, kind, now.minus(retention), now.plus(Duration.ofHours(1)));
        return transactions.inTransactionAs(tenant, () -> {
            List<BatchAnswer.Refused> refused = new ArrayList<>();
            List<EventStore.Stored> good = new ArrayList<>();
            for (EventLines.Line line : lines) {
                IncomingEvent event = line.event();
                if (event == null) {
                    refused.add(new BatchAnswer.Refused(line.index(), line.errors()));
                    continue;
                }
                UUID campaign = event.campaign();
                if (campaign != null && !campaigns.exists(campaign)) {
                    refused.add(new BatchAnswer.Refused(
                            line.index(), List.of(new FieldError("campaign", "names no campaign of this workspace"))));
                    continue;
                }
                good.add(new EventStore.Stored(
                        ids.next(), event, source, event.ip() == null ? null : households.keyOf(tenant, event.ip())));
            }
            store.store(good, now);
            checks.check(tenant, good, now);
            return new BatchAnswer(lines.size() - refused.size(), good.size(), List.copyOf(refused));
        });
    }
}

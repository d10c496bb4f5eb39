package io.reach.podcasts.downloads;

import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.BatchAnswer;
import io.reach.platform.web.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes download requests for a workspace — lines sent to the API, a log file's lines, a prefix
 * redirect's request — finds each one's episode and stores those that name one. Requests of any
 * age inside the retention are taken: hosts send months of logs at a time.
 */
@Service
public class DownloadIngestion {

    private final ListenerEventStore store;
    private final EpisodeDirectory episodes;
    private final JsonMapper json;
    private final Ids ids;
    private final Clock clock;
    private final Duration retention;

    DownloadIngestion(
            ListenerEventStore store,
            EpisodeDirectory episodes,
            JsonMapper json,
            Ids ids,
            Clock clock,
            @Value("${reach.podcasts.retention:730d}") Duration retention) {
        this.store = store;
        this.episodes = episodes;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
        this.retention = retention;
    }

    /** A batch of download-log lines (JSON array or NDJSON). */
    BatchAnswer ingest(TenantId tenant, String body) {
        Instant now = clock.instant();
        List<DownloadLines.Line> lines = DownloadLines.read(body, json, oldest(now), newest(now));
        List<BatchAnswer.Refused> refused = new ArrayList<>();
        List<Numbered> good = new ArrayList<>(lines.size());
        for (DownloadLines.Line line : lines) {
            DownloadRequest request = line.request();
            if (request == null) {
                refused.add(new BatchAnswer.Refused(line.index(), line.errors()));
            } else {
                good.add(new Numbered(line.index(), request));
            }
        }
        int stored = store(tenant, good, EventType.API, null, refused, now);
        return new BatchAnswer(lines.size() - refused.size(), stored, List.copyOf(refused));
    }

    /** A request numbered by its position (a batch's index, a log file's line number). */
    record Numbered(int index, DownloadRequest request) {}

    /** Stores requests already read; those naming no episode of the workspace are added to {@code refused}. */
    int store(
            TenantId tenant,
            List<Numbered> requests,
            EventType type,
            @Nullable UUID importId,
            List<BatchAnswer.Refused> refused,
            Instant receivedAt) {
        List<ListenerEventStore.Resolved> resolved = new ArrayList<>(requests.size());
        for (Numbered numbered : requests) {
            EpisodeDirectory.Found episode =
                    episodes.find(tenant, numbered.request().episode());
            if (episode == null) {
                refused.add(new BatchAnswer.Refused(
                        numbered.index(),
                        List.of(new FieldError(
                                "episode", "is not an episode of this workspace (by id, guid or audio address)"))));
            } else {
                resolved.add(new ListenerEventStore.Resolved(ids.next(), numbered.request(), episode));
            }
        }
        return store.store(tenant, resolved, type, importId, receivedAt);
    }

    Instant oldest(Instant now) {
        return now.minus(retention).plus(Duration.ofDays(1));
    }

    Instant newest(Instant now) {
        return now.plus(Duration.ofMinutes(10));
    }
}

package io.reach.podcasts.downloads;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the episode a request names — by its id, its guid, or any audio address it has had (with or
 * without the query string or scheme, or by its path alone, as host logs write it) — among the workspace's episodes, read at most every few seconds.
 */
@Component
class EpisodeDirectory {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final Map<TenantId, Snapshot> snapshots = new ConcurrentHashMap<>();

    EpisodeDirectory(JdbcClient jdbc, TenantTransactions transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** An episode and its podcast. */
    record Found(UUID episode, UUID podcast) {}

    private record Snapshot(Instant read, Map<String, Found> byReference) {}

    @Nullable
    Found find(TenantId tenant, String reference) {
        Snapshot snapshot = snapshots.get(tenant);
        Instant now = clock.instant();
        if (snapshot == null || snapshot.read().plus(FRESH).isBefore(now)) {
            snapshot = new Snapshot(now, transactions.inTransactionAs(tenant, this::read));
            snapshots.put(tenant, snapshot);
        }
        String key = reference.strip();
        Found found = snapshot.byReference().get(key);
        if (found == null && (key.startsWith("http") || key.startsWith("/"))) {
            String bare = withoutQuery(key);
            found = snapshot.byReference().get(bare);
            if (found == null) {
                found = snapshot.byReference().get(schemeless(bare));
            }
        }
        return found;
    }

    /** Forgets what was read of the workspace (after its catalog changed). */
    void forget(TenantId tenant) {
        snapshots.remove(tenant);
    }

    private Map<String, Found> read() {
        Map<String, Found> references = new HashMap<>();
        jdbc.sql("""
                select e.id, e.podcast_id, e.guid, e.audio_url from podcasts.episodes e
                union all
                select e.id, e.podcast_id, e.guid, x.audio_url from podcasts.episodes e
                join podcasts.episode_enclosures x on x.episode_id = e.id""").query(rs -> {
            UUID id = Objects.requireNonNull(rs.getObject("id", UUID.class));
            Found found = new Found(id, Objects.requireNonNull(rs.getObject("podcast_id", UUID.class)));
            references.put(id.toString(), found);
            references.putIfAbsent(Objects.requireNonNull(rs.getString("guid")), found);
            String audio = rs.getString("audio_url");
            if (audio != null) {
                references.put(audio, found);
                String bare = withoutQuery(audio);
                references.putIfAbsent(bare, found);
                references.putIfAbsent(schemeless(bare), found);
                references.putIfAbsent(path(bare), found);
            }
        });
        return references;
    }

    /** {@code //host/path} of an address (so http and https find the same episode); a bare path stays as it is. */
    private static String schemeless(String url) {
        int colon = url.indexOf("://");
        return colon < 0 ? url : url.substring(colon + 1);
    }

    /** The path of an address: log lines without a host name an episode by it. */
    private static String path(String url) {
        int colon = url.indexOf("://");
        int slash = colon < 0 ? -1 : url.indexOf('/', colon + 3);
        return slash < 0 ? url : url.substring(slash);
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}

package io.reach.podcasts.downloads;

import io.reach.platform.security.TenantRoutedTokens;
import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.JsonObjectLines;
import io.reach.platform.web.NotFoundException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The prefix redirect: a podcast's feed puts {@code /e/{key}/} before each enclosure address, the
 * player asks Reach, Reach records the request and sends the player on to the audio. The key names
 * the workspace and the podcast; the address after it must be one of that podcast's episodes' audio
 * addresses (any it has had), so the redirect can never send anyone elsewhere, nor record for
 * another workspace.
 */
@Service
public class PrefixRedirect {

    static final String KEY_PREFIX = "pod_";
    private static final Logger log = LoggerFactory.getLogger(PrefixRedirect.class);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final EpisodeDirectory episodes;
    private final DownloadIngestion ingestion;
    private final Clock clock;

    PrefixRedirect(
            JdbcClient jdbc,
            TenantTransactions transactions,
            TenantDirectory tenants,
            EpisodeDirectory episodes,
            DownloadIngestion ingestion,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenants = tenants;
        this.episodes = episodes;
        this.ingestion = ingestion;
        this.clock = clock;
    }

    /** The podcast's prefix key, made on first use. */
    public String keyFor(UUID podcast) {
        TenantId tenant = io.reach.platform.tenant.TenantContext.require();
        return transactions.inTransaction(() -> {
            jdbc.sql("update podcasts.podcasts set prefix_key = :key where id = :id and prefix_key is null")
                    .param("id", podcast)
                    .param("key", TenantRoutedTokens.issue(KEY_PREFIX, tenant.value()))
                    .update();
            return jdbc.sql("select prefix_key from podcasts.podcasts where id = :id")
                    .param("id", podcast)
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> new NotFoundException("Podcast", podcast));
        });
    }

    /** Where a request for {@code target} under {@code key} goes, recording it (when {@code record}); empty when not ours. */
    Optional<String> follow(
            String key,
            String target,
            @Nullable String client,
            @Nullable String userAgent,
            String method,
            @Nullable String range,
            @Nullable String referrer,
            boolean record) {
        Optional<TenantId> tenant =
                TenantRoutedTokens.tenantOf(KEY_PREFIX, key).map(TenantId::of).filter(tenants::isActive);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> podcast = transactions.inTransactionAs(
                tenant.get(),
                () -> jdbc.sql("select id from podcasts.podcasts where prefix_key = :key")
                        .param("key", key)
                        .query(UUID.class)
                        .optional());
        if (podcast.isEmpty()) {
            return Optional.empty();
        }
        EpisodeDirectory.Found episode = episodes.find(tenant.get(), target);
        if (episode == null || !episode.podcast().equals(podcast.get())) {
            return Optional.empty();
        }
        InetAddress address = io.reach.podcasts.listeners.ListenerAddresses.parse(client);
        if (record && address != null) {
            Instant now = clock.instant();
            DownloadRequest request = new DownloadRequest(
                    now,
                    address,
                    JsonObjectLines.bounded(userAgent, 1024),
                    method,
                    302,
                    JsonObjectLines.bounded(range, 200),
                    null,
                    target,
                    JsonObjectLines.bounded(referrer, 2048));
            List<io.reach.platform.web.BatchAnswer.Refused> refused = new ArrayList<>();
            ingestion.store(
                    tenant.get(),
                    List.of(new DownloadIngestion.Numbered(0, request)),
                    EventType.PREFIX,
                    null,
                    refused,
                    now);
        } else if (address == null) {
            log.debug("A prefix request without a readable client address was sent on unrecorded");
        }
        return Optional.of(target);
    }
}

package io.reach.podcasts.metrics;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.crypto.SealedTokens;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only report links: an address for a podcast's (or an episode's) download report that a
 * sponsor can open without an account, until it expires (1 to 365 days) or is revoked. The token
 * is sealed with the installation key and names the workspace and the link, so it can be neither
 * forged nor pointed at another workspace's podcast.
 */
@Service
public class ReportLinks {

    private static final String PURPOSE = "podcasts.report-link";

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final SealedTokens tokens;
    private final Ids ids;
    private final Clock clock;

    ReportLinks(
            JdbcClient jdbc,
            TenantTransactions transactions,
            TenantDirectory tenants,
            SealedTokens tokens,
            Ids ids,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenants = tenants;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
    }

    /** A link as its workspace sees it (the path only while it is being created: it is not stored). */
    public record Link(
            UUID id,
            UUID podcastId,
            @Nullable UUID episodeId,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            Instant createdAt,
            @Nullable String path) {}

    /** What an opened link shows: the workspace and the report's subject. */
    record Opened(TenantId tenant, UUID podcast, @Nullable UUID episode) {}

    public Link create(UUID podcast, @Nullable UUID episode, @Nullable Integer expiresInDays) {
        int days = expiresInDays == null ? 30 : expiresInDays;
        if (days < 1 || days > 365) {
            throw new InvalidRequestException(new FieldError("expires_in_days", "is between 1 and 365"));
        }
        TenantId tenant = TenantContext.require();
        UUID id = ids.next();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        transactions.inTransaction(() -> {
            boolean known = jdbc.sql("select exists (select 1 from podcasts.podcasts where id = :podcast)")
                    .param("podcast", podcast)
                    .query(Boolean.class)
                    .single();
            if (!known) {
                throw new NotFoundException("Podcast", podcast);
            }
            if (episode != null
                    && !jdbc.sql("select exists (select 1 from podcasts.episodes where id = :episode"
                                    + " and podcast_id = :podcast)")
                            .param("episode", episode)
                            .param("podcast", podcast)
                            .query(Boolean.class)
                            .single()) {
                throw new InvalidRequestException(new FieldError("episode_id", "is an episode of this podcast"));
            }
            jdbc.sql("""
                    insert into podcasts.report_links (tenant_id, id, podcast_id, episode_id, expires_at, created_at)
                    values (platform.current_tenant_id(), :id, :podcast, :episode, :expires, :now)""")
                    .param("id", id)
                    .param("podcast", podcast)
                    .param("episode", episode)
                    .param("expires", utc(expires))
                    .param("now", utc(now))
                    .update();
        });
        return new Link(
                id, podcast, episode, expires, null, now, "/reports/" + tokens.sealLink(tenant.value(), id, PURPOSE));
    }

    public List<Link> forPodcast(UUID podcast) {
        return transactions.inTransaction(() -> {
            boolean known = jdbc.sql("select exists (select 1 from podcasts.podcasts where id = :podcast)")
                    .param("podcast", podcast)
                    .query(Boolean.class)
                    .single();
            if (!known) {
                throw new NotFoundException("Podcast", podcast);
            }
            return jdbc.sql(SELECT + " where podcast_id = :podcast order by created_at desc")
                    .param("podcast", podcast)
                    .query((rs, row) -> link(rs))
                    .list();
        });
    }

    public void revoke(UUID id) {
        int revoked = transactions.inTransaction(() -> jdbc.sql(
                        "update podcasts.report_links set revoked_at = coalesce(revoked_at, :now) where id = :id")
                .param("id", id)
                .param("now", utc(clock.instant()))
                .update());
        if (revoked == 0) {
            throw new NotFoundException("Report link", id);
        }
    }

    /** The report a token opens; empty when it is malformed, not ours, revoked, expired or its workspace is suspended. */
    Optional<Opened> open(String token) {
        Optional<SealedTokens.LinkToken> sealed = tokens.openLink(token, PURPOSE);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        TenantId tenant = TenantId.of(sealed.get().tenant());
        UUID id = sealed.get().id();
        if (!tenants.isActive(tenant)) {
            return Optional.empty();
        }
        return transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql(SELECT + " where id = :id and revoked_at is null and expires_at > :now")
                        .param("id", id)
                        .param("now", utc(clock.instant()))
                        .query((rs, row) -> link(rs))
                        .optional()
                        .map(link -> new Opened(tenant, link.podcastId(), link.episodeId())));
    }

    private static final String SELECT =
            "select id, podcast_id, episode_id, expires_at, revoked_at, created_at from podcasts.report_links";

    private static Link link(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Link(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                Objects.requireNonNull(rs.getObject("podcast_id", UUID.class)),
                rs.getObject("episode_id", UUID.class),
                Objects.requireNonNull(rs.getObject("expires_at", OffsetDateTime.class))
                        .toInstant(),
                revoked == null ? null : revoked.toInstant(),
                Objects.requireNonNull(rs.getObject("created_at", OffsetDateTime.class))
                        .toInstant(),
                null);
    }
}

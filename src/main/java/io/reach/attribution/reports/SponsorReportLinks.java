package io.reach.attribution.reports;

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
import io.reach.podcasts.Sponsorships;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Links to a sponsor's report: made for 1 to 365 days, revocable; the token is sealed with the
 * installation key and names the workspace and the link, so it can be neither forged nor pointed at
 * another workspace's sponsor.
 */
@Service
public class SponsorReportLinks {

    private static final String PURPOSE = "attribution.sponsor-report";
    private static final String SELECT =
            "select id, sponsor_id, expires_at, revoked_at, created_at from attribution.sponsor_report_links";

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final SealedTokens tokens;
    private final Sponsorships sponsorships;
    private final Ids ids;
    private final Clock clock;

    SponsorReportLinks(
            JdbcClient jdbc,
            TenantTransactions transactions,
            TenantDirectory tenants,
            SealedTokens tokens,
            Sponsorships sponsorships,
            Ids ids,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenants = tenants;
        this.tokens = tokens;
        this.sponsorships = sponsorships;
        this.ids = ids;
        this.clock = clock;
    }

    /** A link as the workspace sees it (the path only when it is made: it is not stored). */
    public record Link(
            UUID id,
            UUID sponsorId,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            Instant createdAt,
            @Nullable String path) {}

    /** What an opened link shows: the workspace and its sponsor. */
    record Opened(TenantId tenant, UUID sponsor) {}

    public Link create(UUID sponsor, @Nullable Integer expiresInDays) {
        int days = expiresInDays == null ? 30 : expiresInDays;
        if (days < 1 || days > 365) {
            throw new InvalidRequestException(new FieldError("expires_in_days", "is between 1 and 365"));
        }
        TenantId tenant = TenantContext.require();
        UUID id = ids.next();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        transactions.inTransaction(() -> {
            if (sponsorships.sponsorName(sponsor).isEmpty()) {
                throw new NotFoundException("Sponsor", sponsor);
            }
            jdbc.sql("""
                    insert into attribution.sponsor_report_links (tenant_id, id, sponsor_id, expires_at, created_at)
                    values (platform.current_tenant_id(), :id, :sponsor, :expires, :now)""")
                    .param("id", id)
                    .param("sponsor", sponsor)
                    .param("expires", utc(expires))
                    .param("now", utc(now))
                    .update();
        });
        return new Link(
                id, sponsor, expires, null, now, "/sponsor-reports/" + tokens.sealLink(tenant.value(), id, PURPOSE));
    }

    public List<Link> forSponsor(UUID sponsor) {
        return transactions.inTransaction(() -> {
            if (sponsorships.sponsorName(sponsor).isEmpty()) {
                throw new NotFoundException("Sponsor", sponsor);
            }
            return jdbc.sql(SELECT + " where sponsor_id = :sponsor order by created_at desc")
                    .param("sponsor", sponsor)
                    .query(SponsorReportLinks::link)
                    .list();
        });
    }

    public void revoke(UUID id) {
        int revoked = transactions.inTransaction(() -> jdbc.sql(
                        "update attribution.sponsor_report_links set revoked_at = coalesce(revoked_at, :now) where id = :id")
                .param("id", id)
                .param("now", utc(clock.instant()))
                .update());
        if (revoked == 0) {
            throw new NotFoundException("Sponsor report link", id);
        }
    }

    /** The report a token opens; empty when it is malformed, not ours, revoked, expired or its workspace is suspended. */
    Optional<Opened> open(String token) {
        Optional<SealedTokens.LinkToken> sealed = tokens.openLink(token, PURPOSE);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        TenantId tenant = TenantId.of(sealed.get().tenant());
        if (!tenants.isActive(tenant)) {
            return Optional.empty();
        }
        return transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql(SELECT + " where id = :id and revoked_at is null and expires_at > :now")
                        .param("id", sealed.get().id())
                        .param("now", utc(clock.instant()))
                        .query(SponsorReportLinks::link)
                        .optional()
                        .map(link -> new Opened(tenant, link.sponsorId())));
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Link(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                Objects.requireNonNull(rs.getObject("sponsor_id", UUID.class)),
                Objects.requireNonNull(rs.getObject("expires_at", OffsetDateTime.class))
                        .toInstant(),
                revoked == null ? null : revoked.toInstant(),
                Objects.requireNonNull(rs.getObject("created_at", OffsetDateTime.class))
                        .toInstant(),
                null);
    }
}

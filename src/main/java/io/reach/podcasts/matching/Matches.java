package io.reach.podcasts.matching;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.podcasts.matching.MatchScoring.SignalScore;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code podcasts.matches}: one per sponsor, podcast and campaign (or none), the latest scoring. */
@Repository
public class Matches {

    private static final String SELECT = """
            select m.id, m.sponsor_id, s.name as sponsor_name, m.campaign_id, m.podcast_id, p.name as podcast_name,
                m.score, m.rationale, m.signals::text as signals, m.computed_at
            from podcasts.matches m
            join podcasts.sponsors s on s.tenant_id = m.tenant_id and s.id = m.sponsor_id
            join podcasts.podcasts p on p.tenant_id = m.tenant_id and p.id = m.podcast_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Matches(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored match as the API shows it. */
    public record Match(
            UUID id,
            UUID sponsorId,
            String sponsorName,
            @Nullable UUID campaignId,
            UUID podcastId,
            String podcastName,
            BigDecimal score,
            String rationale,
            List<StoredSignal> signals,
            Instant computedAt) {}

    /** One signal of a stored match. */
    public record StoredSignal(
            String signal,
            double value,
            double weight,
            double contribution,
            String explanation,
            List<Profiles.Evidence> evidence) {}

    void save(UUID id, UUID sponsor, @Nullable UUID campaign, UUID podcast, MatchScoring.Fit fit, Instant now) {
        jdbc.sql("""
                insert into podcasts.matches (tenant_id, id, sponsor_id, campaign_id, podcast_id, score, rationale,
                    signals, computed_at)
                values (platform.current_tenant_id(), :id, :sponsor, :campaign, :podcast, :score, :rationale,
                    cast(:signals as jsonb), :now)
                on conflict (tenant_id, sponsor_id, podcast_id, campaign_id) do update set score = excluded.score,
                    rationale = excluded.rationale, signals = excluded.signals, computed_at = excluded.computed_at""")
                .param("id", id)
                .param("sponsor", sponsor)
                .param("campaign", campaign)
                .param("podcast", podcast)
                .param("score", BigDecimal.valueOf(fit.score()))
                .param("rationale", fit.rationale())
                .param(
                        "signals",
                        json.writeValueAsString(
                                fit.signals().stream().map(Matches::stored).toList()))
                .param("now", utc(now))
                .update();
    }

    List<Match> forSponsor(UUID sponsor, @Nullable UUID campaign) {
        return jdbc.sql(SELECT + " where m.sponsor_id = :sponsor and m.campaign_id is not distinct from :campaign"
                        + " order by m.score desc, p.name, m.podcast_id")
                .param("sponsor", sponsor)
                .param("campaign", campaign)
                .query(this::match)
                .list();
    }

    List<Match> forPodcast(UUID podcast) {
        return jdbc.sql(SELECT + " where m.podcast_id = :podcast and m.campaign_id is null"
                        + " order by m.score desc, s.name, m.sponsor_id")
                .param("podcast", podcast)
                .query(this::match)
                .list();
    }

    private static StoredSignal stored(SignalScore signal) {
        return new StoredSignal(
                signal.signal().code(),
                signal.value(),
                signal.weight(),
                signal.contribution(),
                signal.explanation(),
                signal.evidence());
    }

    private Match match(ResultSet rs, int row) throws SQLException {
        return new Match(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                Objects.requireNonNull(rs.getObject("sponsor_id", UUID.class)),
                Objects.requireNonNull(rs.getString("sponsor_name")),
                rs.getObject("campaign_id", UUID.class),
                Objects.requireNonNull(rs.getObject("podcast_id", UUID.class)),
                Objects.requireNonNull(rs.getString("podcast_name")),
                Objects.requireNonNull(rs.getBigDecimal("score")),
                Objects.requireNonNull(rs.getString("rationale")),
                json.readValue(
                        Objects.requireNonNull(rs.getString("signals")), new TypeReference<List<StoredSignal>>() {}),
                Objects.requireNonNull(rs.getObject("computed_at", OffsetDateTime.class))
                        .toInstant());
    }
}
